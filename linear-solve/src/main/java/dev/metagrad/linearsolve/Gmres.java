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
 *
 * <p>With a right preconditioner {@code M} the cycle runs on {@code A M} instead: {@code w = A (M v_j)}, and the
 * update is {@code x = x + M (Σ y_i v_i)}. Since {@code b − A x = r − A M y}, the Givens estimate
 * {@code |g_{j+1}|} and the reported residual remain those of the original system {@code A x = b}.
 */
final class Gmres {
    /** A new basis direction shorter than this fraction of ‖A v‖ means the Krylov space is invariant. */
    private static final double BREAKDOWN = 16 * Math.ulp(1.0);

    private Gmres() {
    }

    static Solution solve(String op, LinearOperator a0, Object b, GmresOptions options) {
        KrylovSetup setup = KrylovSetup.of(op, a0, b, options.ridge(), options.rtol(), options.atol(), options.maxIter(),
                options.init());
        LinearOperator a = setup.a();
        LinearOperator m = options.preconditioner();
        Flattened flatB = setup.flatB();
        Stopping stop = setup.stop();
        Object x = setup.start().x();
        Object r = setup.start().r();
        boolean checked = setup.start().checked();
        double rs = Cg.squaredNorm(r);
        int total = 0;
        while (true) {
            Checks.finiteResidual(op, rs, total, "A returned non-finite values");
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
                Object w = a.apply(precondition(op, m, basis.get(j), flatB));
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
            int size = columns.size();
            Tensor[] y = new Tensor[size];
            for (int i = size - 1; i >= 0; i--) {
                Tensor acc = g.get(i);
                for (int k = i + 1; k < size; k++) {
                    acc = acc.sub(columns.get(k).get(i).mul(y[k]));
                }
                y[i] = acc.div(columns.get(i).get(i));
            }
            if (m == null) {
                for (int i = 0; i < size; i++) {
                    x = TreeMath.axpy(y[i], basis.get(i), x);
                }
            } else if (size > 0) {
                // one application of M per cycle: x + M (Σ y_i v_i) rather than Σ y_i (M v_i)
                Object step = Trees.map(basis.get(0), leaf -> leaf.mul(y[0]));
                for (int i = 1; i < size; i++) {
                    step = TreeMath.axpy(y[i], basis.get(i), step);
                }
                x = TreeMath.add(x, precondition(op, m, step, flatB));
            }
            r = TreeMath.sub(b, a.apply(x));
            rs = Cg.squaredNorm(r);
            if (stalled) {
                break;
            }
        }
        return new Solution(x, total, Math.sqrt(rs), stop.met(rs));
    }

    /** {@code M v}, checked to be shaped like {@code b}; {@code v} itself when there is no preconditioner. */
    private static Object precondition(String op, LinearOperator m, Object v, Flattened flatB) {
        if (m == null) {
            return v;
        }
        Object z = m.apply(v);
        Checks.like(op, "M v", z, flatB);
        return z;
    }

    private static Object divide(Object tree, Tensor s) {
        return Trees.map(tree, leaf -> leaf.div(s));
    }
}
