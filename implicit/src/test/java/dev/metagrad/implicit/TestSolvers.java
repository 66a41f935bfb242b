package dev.metagrad.implicit;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.linearsolve.LinearSolver;
import dev.metagrad.linearsolve.Solution;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.TreeMath;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/** Small linear solvers written for the tests, independent of the linear-solve module's solvers. */
final class TestSolvers {
    private TestSolvers() {
    }

    /**
     * Materializes A column by column ({@code A e_j}) and solves densely by Gaussian elimination with partial
     * pivoting, in doubles (first order only: the result is a constant).
     */
    static LinearSolver dense() {
        return (a, b) -> {
            Flattened flat = Trees.flatten(b);
            double[] rhs = concat(flat.leaves());
            int n = rhs.length;
            double[][] m = new double[n][n];
            for (int j = 0; j < n; j++) {
                double[] e = new double[n];
                e[j] = 1.0;
                double[] col = concat(Trees.leaves(a.apply(unflatten(flat, e))));
                for (int i = 0; i < n; i++) {
                    m[i][j] = col[i];
                }
            }
            return new Solution(unflatten(flat, Dense.solve(m, rhs)), 0, 0.0, true);
        };
    }

    /** Exactly {@code iterations} CG steps in tensor ops (differentiable); exact after n steps for SPD A of size n. */
    static LinearSolver cg(int iterations) {
        return (a, b) -> {
            Object x = TreeMath.zerosLike(b);
            Object r = b;
            Object p = b;
            Tensor rr = TreeMath.vdot(r, r);
            for (int k = 0; k < iterations && rr.item() > 1e-300; k++) {
                Object ap = a.apply(p);
                Tensor alpha = rr.div(TreeMath.vdot(p, ap));
                x = TreeMath.axpy(alpha, p, x);
                r = TreeMath.axpy(alpha.neg(), ap, r);
                Tensor rrNew = TreeMath.vdot(r, r);
                p = TreeMath.axpy(rrNew.div(rr), p, r);
                rr = rrNew;
            }
            return new Solution(x, iterations, Math.sqrt(rr.item()), true);
        };
    }

    /** The Neumann series {@code x = Σ_{k=0}^{terms-1} (I − A)^k b} in tensor ops (differentiable). */
    static LinearSolver neumann(int terms) {
        return (a, b) -> {
            Object v = b;
            Object s = b;
            for (int k = 1; k < terms; k++) {
                v = TreeMath.sub(v, a.apply(v));
                s = TreeMath.add(s, v);
            }
            return new Solution(s, terms, Double.NaN, true);
        };
    }

    static double[] concat(List<Tensor> leaves) {
        int n = 0;
        for (Tensor t : leaves) {
            n += t.numel();
        }
        double[] out = new double[n];
        int offset = 0;
        for (Tensor t : leaves) {
            double[] d = t.toDoubleArray();
            System.arraycopy(d, 0, out, offset, d.length);
            offset += d.length;
        }
        return out;
    }

    private static Object unflatten(Flattened like, double[] values) {
        List<Tensor> leaves = new ArrayList<>();
        int offset = 0;
        for (Tensor t : like.leaves()) {
            double[] part = new double[t.numel()];
            System.arraycopy(values, offset, part, 0, part.length);
            leaves.add(Tensor.of(part, t.shape()));
            offset += part.length;
        }
        return like.def().unflatten(leaves);
    }
}
