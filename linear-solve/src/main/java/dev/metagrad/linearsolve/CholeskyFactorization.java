package dev.metagrad.linearsolve;

/**
 * {@code A = L Lᵀ} for a symmetric positive definite {@code A} (L lower triangular), solving
 * {@code A x = b} as {@code x = L⁻ᵀ L⁻¹ b}; {@code Aᵀ = A}, so transposed solves are the same.
 */
final class CholeskyFactorization implements Factorization {
    private final int n;
    private final double[] l;

    private CholeskyFactorization(int n, double[] l) {
        this.n = n;
        this.l = l;
    }

    /**
     * Factorizes {@code a}, row-major {@code [n, n]}.
     *
     * @throws IllegalArgumentException when A holds non-finite values, is not symmetric (an entry pair differs
     *                                  by more than {@code 1e-10 · max|A|}), or is not positive definite
     */
    static CholeskyFactorization of(String op, double[] a, int n) {
        double maxAbs = 0.0;
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(op + ": A contains " + v + "; the dense solve needs finite entries");
            }
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        // a matrix materialized from a symmetric operator is symmetric only up to rounding
        double asym = 1e-10 * maxAbs;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(a[i * n + j] - a[j * n + i]) > asym) {
                    throw new IllegalArgumentException(op + ": A is not symmetric (A[" + i + "][" + j + "] = " + a[i * n + j]
                            + " but A[" + j + "][" + i + "] = " + a[j * n + i] + "); Cholesky needs a symmetric positive"
                            + " definite matrix, use solveLu otherwise");
                }
            }
        }
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0.0)) {
                throw new IllegalArgumentException(op + ": A is not positive definite (Cholesky pivot " + j + " is " + d
                        + " <= 0); use solveLu for indefinite systems");
            }
            double ljj = Math.sqrt(d);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                // the lower triangle is read, as in torch.linalg.cholesky
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / ljj;
            }
        }
        return new CholeskyFactorization(n, l);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double[] solve(double[] rhs, int k, boolean transposed) {
        double[] x = rhs.clone();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double s = x[i * k + c];
                for (int j = 0; j < i; j++) {
                    s -= l[i * n + j] * x[j * k + c];
                }
                x[i * k + c] = s / l[i * n + i];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int c = 0; c < k; c++) {
                double s = x[i * k + c];
                for (int j = i + 1; j < n; j++) {
                    s -= l[j * n + i] * x[j * k + c];
                }
                x[i * k + c] = s / l[i * n + i];
            }
        }
        return x;
    }
}
