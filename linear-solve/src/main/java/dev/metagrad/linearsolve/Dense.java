package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Flattened;

/**
 * The dense solvers' common path: flatten b's leaves into one vector, materialize the operator's matrix in
 * that layout, factorize it, solve with the differentiable {@link DenseSolve}, and cut the solution back into
 * b's tree.
 */
final class Dense {
    private Dense() {
    }

    static Solution solve(String op, LinearOperator a, Object b, boolean cholesky) {
        Flattened flatB = Checks.rightHandSide(op, b);
        TreeVector layout = TreeVector.of(flatB);
        int n = layout.size();
        Tensor matrix = layout.materialize(op, a, flatB);
        Tensor rhs = layout.ravel(b);
        double[] values = matrix.toDoubleArray();
        Factorization f = cholesky ? CholeskyFactorization.of(op, values, n) : LuFactorization.of(op, values, n);
        Tensor x = DenseSolve.solve(op, f, matrix, rhs, false);
        return new Solution(layout.unravel(x), 0, residual(values, rhs.toDoubleArray(), x.toDoubleArray(), n), true);
    }

    /** {@code ||b − A x||} in plain doubles. */
    private static double residual(double[] a, double[] b, double[] x, int n) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double r = b[i];
            for (int j = 0; j < n; j++) {
                r -= a[i * n + j] * x[j];
            }
            sum += r * r;
        }
        return Math.sqrt(sum);
    }
}
