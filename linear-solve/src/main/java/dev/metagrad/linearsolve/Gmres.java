package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.TreeMath;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * Restarted GMRES (Saad and Schultz) for a general nonsingular operator. Each cycle builds an orthonormal
 * Krylov basis {@code v_0 = r/β, v_1, ...} by Arnoldi with modified Gram-Schmidt
 * ({@code w = A v_j;  h_ij = w·v_i, w = w − h_ij v_i for i ≤ j;  h_{j+1,j} = ||w||}), turns the Hessenberg
 * matrix upper triangular with Givens rotations as it grows, so {@code |g_{j+1}|} is the residual norm of the
 * least-squares solution {@code min ||β e_1 − H y||}, then updates {@code x = x + Σ y_i v_i} and restarts from
 * the true residual {@code b − A x}. All arithmetic is tensor ops with 0-dim scalars, so the result is
 * differentiable.
 */
final class Gmres {
    /** A new basis direction shorter than this fraction of ‖A v‖ means the Krylov space is invariant. */
    private static final double BREAKDOWN = 16 * Math.ulp(1.0);

    private Gmres() {
    }

    static Solution solve(String op, LinearOperator a0, Object b, GmresOptions options) {
        if (a0 == null) {
            throw new IllegalArgumentException(op + ": the operator A is null");
        }
        Flattened flatB = Checks.rightHandSide(op, b);
        LinearOperator a = LinearOperators.withRidge(a0, options.ridge());
        Stopping stop = Stopping.of(b, flatB, options.rtol(), options.atol(), options.maxIter());
        Start start = Start.of(op, a, b, flatB, options.init(), "init");
        Object x = start.x();
        Object r = start.r();
        boolean checked = start.checked();
        double rs = Cg.squaredNorm(r);
        int total = 0;
        while (true) {
            if (!Double.isFinite(rs)) {
                throw new ArithmeticException(op + ": the residual became " + rs + " after " + total
                        + " iterations; A returned non-finite values");
            }
            if (stop.met(rs) || total >= stop.maxIter()) {
                break;
            }
            Tensor beta = TreeMath.norm(r);
            List<Object> basis = new ArrayList<>();
            basis.add(divide(r, beta));
            List<List<Tensor>> columns = new ArrayList<>();
            List<Tensor> cos = new ArrayList<>();
            List<Tensor> sin = new ArrayList<>();
            List<Tensor> g = new ArrayList<>();
            g.add(beta);
            boolean stalled = false;
            while (columns.size() < options.restart() && total < stop.maxIter()) {
                int j = columns.size();
                Object w = a.apply(basis.get(j));
                total++;
                if (!checked) {
                    Checks.like(op, "A x", w, flatB);
                    checked = true;
                }
                double avNorm = Math.sqrt(Cg.squaredNorm(w));
                List<Tensor> col = new ArrayList<>(j + 2);
                for (int i = 0; i <= j; i++) {
                    Tensor h = TreeMath.vdot(w, basis.get(i));
                    w = TreeMath.axpy(h.neg(), basis.get(i), w);
                    col.add(h);
                }
                Tensor next = TreeMath.norm(w);
                for (int i = 0; i < j; i++) {
                    Tensor upper = cos.get(i).mul(col.get(i)).add(sin.get(i).mul(col.get(i + 1)));
                    Tensor lower = sin.get(i).neg().mul(col.get(i)).add(cos.get(i).mul(col.get(i + 1)));
                    col.set(i, upper);
                    col.set(i + 1, lower);
                }
                Tensor diag = col.get(j).square().add(next.square()).sqrt();
                if (diag.item() == 0.0) {
                    // A v_j lies in the span of the earlier directions and is rotated to zero: A is singular there
                    stalled = true;
                    break;
                }
                Tensor c = col.get(j).div(diag);
                Tensor s = next.div(diag);
                col.set(j, diag);
                cos.add(c);
                sin.add(s);
                Tensor gj = g.get(j);
                g.set(j, c.mul(gj));
                g.add(s.neg().mul(gj));
                columns.add(col);
                double estimate = Math.abs(g.get(j + 1).item());
                if (next.item() <= BREAKDOWN * avNorm || stop.met(estimate * estimate)) {
                    break;
                }
                basis.add(divide(w, next));
            }
            int m = columns.size();
            Tensor[] y = new Tensor[m];
            for (int i = m - 1; i >= 0; i--) {
                Tensor acc = g.get(i);
                for (int k = i + 1; k < m; k++) {
                    acc = acc.sub(columns.get(k).get(i).mul(y[k]));
                }
                y[i] = acc.div(columns.get(i).get(i));
            }
            for (int i = 0; i < m; i++) {
                x = TreeMath.axpy(y[i], basis.get(i), x);
            }
            r = TreeMath.sub(b, a.apply(x));
            rs = Cg.squaredNorm(r);
            if (stalled) {
                break;
            }
        }
        return new Solution(x, total, Math.sqrt(rs), stop.met(rs));
    }

    private static Object divide(Object tree, Tensor s) {
        return Trees.map(tree, leaf -> leaf.div(s));
    }
}
