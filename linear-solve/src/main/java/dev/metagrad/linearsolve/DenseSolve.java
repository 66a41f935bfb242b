package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.engine.Graph;

/**
 * A differentiable dense solve {@code X = A⁻¹ B} ({@code torch.linalg.solve}) for {@code A [n, n]} and
 * {@code B [n]} or {@code [n, k]}, by LU with partial pivoting or by Cholesky.
 *
 * <p>Backward, with G the gradient of X: {@code grad_B = A⁻ᵀ G} and {@code grad_A = −grad_B Xᵀ}. The
 * backward reuses the forward's factorization and is written with this same recorded op and with tensor
 * ops on the recorded output X, so the solve can be differentiated to any order.
 */
public final class DenseSolve {
    private DenseSolve() {
    }

    /**
     * {@code A⁻¹ B} through {@code P A = L U}.
     *
     * @throws IllegalArgumentException for shapes that do not fit, mixed or non-floating dtypes, non-finite
     *                                  entries, or a singular A
     */
    public static Tensor lu(Tensor a, Tensor b) {
        int n = requireSystem("lu", a, b);
        return solve("lu", LuFactorization.of("lu", a.toDoubleArray(), n), a, b, false);
    }

    /**
     * {@code A⁻¹ B} through {@code A = L Lᵀ}, for a symmetric positive definite A. The gradient
     * {@code −grad_B Xᵀ} is that of the general solve: exact for any symmetric way of building A.
     *
     * @throws IllegalArgumentException as {@link #lu}, and when A is not symmetric or not positive definite
     */
    public static Tensor cholesky(Tensor a, Tensor b) {
        int n = requireSystem("cholesky", a, b);
        return solve("cholesky", CholeskyFactorization.of("cholesky", a.toDoubleArray(), n), a, b, false);
    }

    /** Solves with an existing factorization of {@code a}'s values; records the node. */
    static Tensor solve(String op, Factorization f, Tensor a, Tensor b, boolean transposed) {
        int n = f.size();
        int k = b.dim() == 1 ? 1 : b.shape()[1];
        double[] x = f.solve(b.toDoubleArray(), k, transposed);
        Tensor out = Tensor.of(x, b.dtype(), b.shape());
        return Graph.record(op, out, g -> {
            Tensor gb = solve(op, f, a, g, !transposed);
            Tensor ga = null;
            if (a.requiresGrad()) {
                Tensor gb2 = gb.reshape(n, k);
                Tensor x2 = out.reshape(n, k);
                // X = A⁻¹B gives −G_B Xᵀ; X = A⁻ᵀB gives −X G_Bᵀ
                ga = (transposed ? x2.matmul(gb2.t()) : gb2.matmul(x2.t())).neg();
            }
            return new Tensor[] {ga, b.requiresGrad() ? gb : null};
        }, a, b);
    }

    static int requireSystem(String op, Tensor a, Tensor b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException(op + ": A and B must not be null");
        }
        if (a.dim() != 2 || a.shape()[0] != a.shape()[1]) {
            throw new IllegalArgumentException(op + ": A must be a square matrix [n, n], got shape " + Shape.str(a.shape()));
        }
        int n = a.shape()[0];
        if ((b.dim() != 1 && b.dim() != 2) || b.shape()[0] != n) {
            throw new IllegalArgumentException(op + ": B must have shape [" + n + "] or [" + n + ", k] to match A "
                    + Shape.str(a.shape()) + ", got " + Shape.str(b.shape()));
        }
        if (!a.dtype().isFloatingPoint() || a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": A and B must share one floating dtype, got " + a.dtype()
                    + " and " + b.dtype());
        }
        for (double v : b.toDoubleArray()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(op + ": B contains " + v + "; the dense solve needs finite entries");
            }
        }
        return n;
    }
}
