package dev.metagrad.linearsolve;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.TreeDef;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Cg}'s iterations on plain float64 arrays, for a solve that records nothing (grad mode off) and has no
 * preconditioner: the implicit-gradient backward and solvers run under {@code noGrad}, where every tensor op of
 * the loop would allocate a tensor and go through the op machinery only to be thrown away. Per iteration only
 * the operator sees tensors ({@code p} in, {@code A p} out); {@code x}, {@code r}, {@code p} are updated in place.
 *
 * <p>The arithmetic is {@link Cg}'s, operation for operation and in the same order, so the result is
 * bit-for-bit the same:
 * <pre>
 *   p·Ap   = Σ_leaves Σ_i p[i] Ap[i]     (each leaf summed from 0 in index order, as sum(p * Ap); leaves added in order)
 *   α      = γ / p·Ap
 *   x[i]   = p[i] α + x[i]               (axpy(α, p, x) = p * α + x)
 *   r[i]   = Ap[i] (−α) + r[i]           (axpy(−α, Ap, r))
 *   γ'     = r·r,  β = γ' / γ,  p[i] = p[i] β + r[i]
 * </pre>
 */
final class ArrayCg {
    private final String op;
    private final LinearOperator a;
    private final Flattened b;
    private final TreeDef def;
    private final int[][] shapes;

    private ArrayCg(String op, LinearOperator a, Flattened b) {
        this.op = op;
        this.a = a;
        this.b = b;
        this.def = b.def();
        List<Tensor> leaves = b.leaves();
        this.shapes = new int[leaves.size()][];
        for (int j = 0; j < shapes.length; j++) {
            shapes[j] = leaves.get(j).shape();
        }
    }

    /** Whether {@link #solve} applies: nothing is recorded, no preconditioner, float64 leaves. */
    static boolean applies(Flattened b, LinearOperator preconditioner) {
        if (preconditioner != null || GradMode.isEnabled()) {
            return false;
        }
        for (Tensor leaf : b.leaves()) {
            if (leaf.dtype() != DType.FLOAT64) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs CG from {@code start} (whose residual is {@code b − A x0}); see {@link Cg#cg} for the contract.
     *
     * @throws IllegalArgumentException when {@code A p} is not shaped like {@code b}
     * @throws ArithmeticException      when the residual stops being finite
     */
    static Solution solve(String op, LinearOperator a, Flattened b, Start start, Stopping stop) {
        return new ArrayCg(op, a, b).run(start, stop);
    }

    private Solution run(Start start, Stopping stop) {
        double[][] x = arrays(start.x());
        double[][] r = arrays(start.r());
        double[][] p = new double[r.length][];
        for (int j = 0; j < r.length; j++) {
            p[j] = r[j].clone();
        }
        double gamma = dot(r, r);
        boolean checked = start.checked();
        int k = 0;
        double rs;
        while (true) {
            rs = gamma;
            if (!Double.isFinite(rs)) {
                throw new ArithmeticException(op + ": the residual became " + rs + " after " + k + " iterations;"
                        + " A returned non-finite values or p·Ap = 0 (A is not positive definite)");
            }
            if (stop.met(rs) || k >= stop.maxIter()) {
                break;
            }
            Object image = a.apply(tree(p));
            if (!checked) {
                Checks.like(op, "A x", image, b);
                checked = true;
            }
            double[][] ap = arrays(image);
            double alpha = gamma / dot(p, ap);
            double negAlpha = -alpha;
            for (int j = 0; j < x.length; j++) {
                double[] xj = x[j];
                double[] pj = p[j];
                double[] rj = r[j];
                double[] apj = ap[j];
                for (int i = 0; i < xj.length; i++) {
                    xj[i] = pj[i] * alpha + xj[i];
                    rj[i] = apj[i] * negAlpha + rj[i];
                }
            }
            double gammaNew = dot(r, r);
            double beta = gammaNew / gamma;
            gamma = gammaNew;
            for (int j = 0; j < p.length; j++) {
                double[] pj = p[j];
                double[] rj = r[j];
                for (int i = 0; i < pj.length; i++) {
                    pj[i] = pj[i] * beta + rj[i];
                }
            }
            k++;
        }
        return new Solution(tree(x), k, Math.sqrt(rs), stop.met(rs));
    }

    /**
     * {@code TreeMath.vdot(u, v)}: each leaf's {@code sum(u * v)} from 0 in index order, the first leaf's sum
     * then each further one added.
     */
    private static double dot(double[][] u, double[][] v) {
        double total = 0;
        for (int j = 0; j < u.length; j++) {
            double[] uj = u[j];
            double[] vj = v[j];
            double s = 0;
            for (int i = 0; i < uj.length; i++) {
                s += uj[i] * vj[i];
            }
            total = j == 0 ? s : total + s;
        }
        return total;
    }

    /** Copies of the leaves of a tree shaped like b (its shape checked once already; sizes checked here). */
    private double[][] arrays(Object tree) {
        List<Tensor> leaves = Trees.leaves(tree);
        if (leaves.size() != shapes.length) {
            Checks.like(op, "A x", tree, b);
        }
        double[][] out = new double[leaves.size()][];
        for (int j = 0; j < out.length; j++) {
            Tensor leaf = leaves.get(j);
            if (leaf.numel() != b.leaves().get(j).numel() || leaf.dtype() != DType.FLOAT64) {
                Checks.like(op, "A x", tree, b);
            }
            out[j] = leaf.toDoubleArray();
        }
        return out;
    }

    /** The tree of b's structure holding copies of {@code leaves} (the caller keeps mutating its arrays). */
    private Object tree(double[][] leaves) {
        List<Tensor> out = new ArrayList<>(leaves.length);
        for (int j = 0; j < leaves.length; j++) {
            out.add(Tensor.of(leaves[j], DType.FLOAT64, shapes[j]));
        }
        return def.unflatten(out);
    }
}
