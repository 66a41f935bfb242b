package dev.metagrad.linearsolve;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.TreeMath;

/**
 * Truncated Neumann series for {@code A⁻¹}, from {@code A⁻¹ = α Σ_k (I − αA)^k} when the spectral radius of
 * {@code I − αA} is below 1 ({@code torchopt.linalg.ns} and {@code ns_inv}, FORMAT-torchopt.md §8.2).
 */
final class Neumann {
    private Neumann() {
    }

    /**
     * {@code x = α Σ_{k=0}^{maxIter} (I − αA)^k b}, maxIter + 1 terms, by
     * {@code v = b; s = b; repeat maxIter times: v = v − α A v; s = s + v; x = α s} (without alpha: α = 1 and no
     * final scaling).
     */
    static Solution series(String op, LinearOperator a, Object b, NeumannOptions options) {
        if (a == null) {
            throw new IllegalArgumentException(op + ": the operator A is null");
        }
        if (options == null) {
            throw new IllegalArgumentException(op + ": options are null; use NeumannOptions.defaults()");
        }
        Flattened flatB = Checks.rightHandSide(op, b);
        Object v = b;
        Object s = b;
        for (int k = 0; k < options.maxIter(); k++) {
            Object av = a.apply(v);
            if (k == 0) {
                Checks.like(op, "A x", av, flatB);
            }
            v = options.alpha().isPresent() ? TreeMath.axpy(-options.alpha().getAsDouble(), av, v) : TreeMath.sub(v, av);
            s = TreeMath.add(s, v);
        }
        Object x = options.alpha().isPresent() ? TreeMath.scale(s, options.alpha().getAsDouble()) : s;
        double residual = trueResidual(a, b, x);
        if (!Double.isFinite(residual)) {
            throw new ArithmeticException(op + ": the series diverged to non-finite values after " + options.maxIter()
                    + " terms; it needs the spectral radius of I − αA below 1 (choose a smaller alpha)");
        }
        double bNorm = Math.sqrt(Cg.squaredNorm(b));
        return new Solution(x, options.maxIter(), residual, residual <= 1e-5 * bNorm);
    }

    /**
     * {@code α Σ_{k=0}^{maxIter−1} (I − αA)^k}, maxIter terms (one fewer than {@link #series}, as in TorchOpt),
     * a matrix; differentiable in A.
     */
    static Tensor inverse(String op, Tensor a, NeumannOptions options) {
        if (a == null || a.dim() != 2 || a.shape()[0] != a.shape()[1]) {
            throw new IllegalArgumentException(op + ": A must be a square matrix [n, n], got "
                    + (a == null ? "null" : "shape " + Shape.str(a.shape())));
        }
        if (options == null) {
            throw new IllegalArgumentException(op + ": options are null; use NeumannOptions.defaults()");
        }
        Checks.finiteLeaves(op, "A", java.util.List.of(a));
        Tensor eye = Tensor.eye(a.shape()[0]).to(a.dtype());
        if (options.maxIter() == 0) {
            return Tensor.zerosLike(a); // an empty sum, as TorchOpt's ns_inv(maxiter=0)
        }
        double alpha = options.alpha().orElse(1.0);
        Tensor m = eye.sub(options.alpha().isPresent() ? a.mul(alpha) : a);
        Tensor power = eye;
        Tensor sum = eye;
        for (int k = 1; k < options.maxIter(); k++) {
            power = power.matmul(m);
            sum = sum.add(power);
        }
        return options.alpha().isPresent() ? sum.mul(alpha) : sum;
    }

    /** {@code ||b − A x||}, outside the graph. */
    static double trueResidual(LinearOperator a, Object b, Object x) {
        try (GradMode.Scope scope = GradMode.noGrad()) {
            return Math.sqrt(Cg.squaredNorm(TreeMath.sub(b, a.apply(x))));
        }
    }
}
