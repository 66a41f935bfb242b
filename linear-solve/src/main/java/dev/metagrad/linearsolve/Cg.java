package dev.metagrad.linearsolve;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.TreeMath;

/**
 * Conjugate gradients on tensor trees, {@code torchopt.linalg.cg(A, b, x0, *, rtol, atol, maxiter, M)}, for a
 * symmetric positive definite {@code A} (FORMAT-torchopt.md §8.1):
 * <pre>
 * atol2 = max(rtol² b·b, atol²);  x = x0;  r = b − A x;  z = M r;  p = z;  γ = r·z;  k = 0
 * while (rs = (M = I ? γ : r·r)) &gt; atol2 and k &lt; maxIter:
 *     α = γ / (p·Ap);  x = x + α p;  r = r − α Ap;  z = M r
 *     γ' = r·z;  β = γ' / γ;  γ = γ';  p = z + β p;  k = k + 1
 * </pre>
 * The residual is updated recursively, never recomputed. Every step is a differentiable tensor op and the
 * scalars α, β, γ are 0-dim tensors in the graph, so the solution can be differentiated with respect to
 * {@code b}, {@code x0} and whatever the operator closes over (to any order); only the stopping test reads
 * plain doubles, which fixes the iteration count. When grad mode is off (nothing would be recorded), float64
 * solves without a preconditioner run the same arithmetic on arrays ({@link ArrayCg}), bit-for-bit.
 */
public final class Cg {
    private Cg() {
    }

    /**
     * Runs CG.
     *
     * @param a       the operator {@code A}, symmetric positive definite
     * @param b       the right-hand side, a tree of tensors
     * @param options start point, tolerances, iteration limit and preconditioner
     * @return the solution, the iterations run, the norm of the recursive residual and whether the
     *         stopping test was met ({@code false} when the limit was reached first)
     * @throws IllegalArgumentException when {@code A x} or {@code x0} is not shaped like {@code b}, or when
     *                                  {@code b} or {@code x0} holds NaN or infinite values
     * @throws ArithmeticException      when the residual stops being finite (A returned NaN, or
     *                                  {@code p·Ap = 0}: A is not positive definite)
     */
    public static Solution cg(LinearOperator a, Object b, CgOptions options) {
        return cg("cg", a, b, options);
    }

    static Solution cg(String op, LinearOperator a, Object b, CgOptions options) {
        if (a == null) {
            throw new IllegalArgumentException(op + ": the operator A is null");
        }
        if (options == null) {
            throw new IllegalArgumentException(op + ": options are null; use CgOptions.defaults()");
        }
        Flattened flatB = Checks.rightHandSide(op, b);
        Stopping stop = Stopping.of(b, flatB, options.rtol(), options.atol(), options.maxIter());
        LinearOperator m = options.preconditioner();
        Start start = Start.of(op, a, b, flatB, options.x0(), "x0");
        if (ArrayCg.applies(flatB, m)) {
            return ArrayCg.solve(op, a, flatB, start, stop);
        }
        Object x = start.x();
        Object r = start.r();
        Object z = m == null ? r : checked(op, "M r", m.apply(r), flatB);
        Object p = z;
        Tensor gamma = TreeMath.vdot(r, z);
        boolean shapeChecked = start.checked();
        int k = 0;
        double rs;
        while (true) {
            rs = m == null ? gamma.item() : squaredNorm(r);
            Checks.finiteResidual(op, rs, k, "A returned non-finite values or p·Ap = 0 (A is not positive definite)");
            if (stop.met(rs) || k >= stop.maxIter()) {
                break;
            }
            Object ap = a.apply(p);
            if (!shapeChecked) {
                checked(op, "A x", ap, flatB);
                shapeChecked = true;
            }
            Tensor alpha = gamma.div(TreeMath.vdot(p, ap));
            x = TreeMath.axpy(alpha, p, x);
            r = TreeMath.axpy(alpha.neg(), ap, r);
            z = m == null ? r : m.apply(r);
            Tensor gammaNew = TreeMath.vdot(r, z);
            Tensor beta = gammaNew.div(gamma);
            gamma = gammaNew;
            p = TreeMath.axpy(beta, p, z);
            k++;
        }
        return new Solution(x, k, Math.sqrt(rs), stop.met(rs));
    }

    static Object checked(String op, String name, Object tree, Flattened b) {
        Checks.like(op, name, tree, b);
        return tree;
    }

    static double squaredNorm(Object r) {
        try (GradMode.Scope scope = GradMode.noGrad()) {
            return TreeMath.vdot(r, r).item();
        }
    }
}
