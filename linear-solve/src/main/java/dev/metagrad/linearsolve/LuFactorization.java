package dev.metagrad.linearsolve;

/**
 * {@code P A = L U} with partial (row) pivoting, the factorization behind {@code torch.linalg.solve}: L unit
 * lower triangular and U upper triangular share one array. Solves {@code A x = b} as
 * {@code x = U⁻¹ L⁻¹ P b} and {@code Aᵀ x = b} as {@code x = Pᵀ L⁻ᵀ U⁻ᵀ b}.
 */
final class LuFactorization implements Factorization {
    private final int n;
    private final double[] lu;
    private final int[] perm;

    private LuFactorization(int n, double[] lu, int[] perm) {
        this.n = n;
        this.lu = lu;
        this.perm = perm;
    }

    /**
     * Factorizes {@code a}, row-major {@code [n, n]} (copied).
     *
     * @throws IllegalArgumentException when A holds non-finite values or is singular to working precision:
     *                                  a pivot at most {@code n · ε · max|A|} in magnitude
     */
    static LuFactorization of(String op, double[] a, int n) {
        double[] lu = a.clone();
        double maxAbs = 0.0;
        for (double v : lu) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(op + ": A contains " + v + "; the dense solve needs finite entries");
            }
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        double tiny = n * Math.ulp(1.0) * maxAbs;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int pivot = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(lu[i * n + k]) > Math.abs(lu[pivot * n + k])) {
                    pivot = i;
                }
            }
            double pv = lu[pivot * n + k];
            if (Math.abs(pv) <= tiny) {
                throw new IllegalArgumentException(op + ": A is singular (the LU pivot of column " + k + " is " + pv
                        + " with max|A| = " + maxAbs + "); the system has no unique solution");
            }
            if (pivot != k) {
                for (int j = 0; j < n; j++) {
                    double t = lu[k * n + j];
                    lu[k * n + j] = lu[pivot * n + j];
                    lu[pivot * n + j] = t;
                }
                int t = perm[k];
                perm[k] = perm[pivot];
                perm[pivot] = t;
            }
            for (int i = k + 1; i < n; i++) {
                double l = lu[i * n + k] / pv;
                lu[i * n + k] = l;
                if (l != 0.0) {
                    for (int j = k + 1; j < n; j++) {
                        lu[i * n + j] -= l * lu[k * n + j];
                    }
                }
            }
        }
        return new LuFactorization(n, lu, perm);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double[] solve(double[] rhs, int k, boolean transposed) {
        double[] x = new double[n * k];
        if (!transposed) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(rhs, perm[i] * k, x, i * k, k);
            }
            forwardUnitLower(x, k);
            backwardUpper(x, k);
            return x;
        }
        System.arraycopy(rhs, 0, x, 0, n * k);
        // Aᵀ = Uᵀ Lᵀ P: solve Uᵀ y = b (lower), then Lᵀ w = y (unit upper), then x = Pᵀ w
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double s = x[i * k + c];
                for (int j = 0; j < i; j++) {
                    s -= lu[j * n + i] * x[j * k + c];
                }
                x[i * k + c] = s / lu[i * n + i];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int c = 0; c < k; c++) {
                double s = x[i * k + c];
                for (int j = i + 1; j < n; j++) {
                    s -= lu[j * n + i] * x[j * k + c];
                }
                x[i * k + c] = s;
            }
        }
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * k, out, perm[i] * k, k);
        }
        return out;
    }

    private void forwardUnitLower(double[] x, int k) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double l = lu[i * n + j];
                if (l != 0.0) {
                    for (int c = 0; c < k; c++) {
                        x[i * k + c] -= l * x[j * k + c];
                    }
                }
            }
        }
    }

    private void backwardUpper(double[] x, int k) {
        for (int i = n - 1; i >= 0; i--) {
            for (int j = i + 1; j < n; j++) {
                double u = lu[i * n + j];
                if (u != 0.0) {
                    for (int c = 0; c < k; c++) {
                        x[i * k + c] -= u * x[j * k + c];
                    }
                }
            }
            double d = lu[i * n + i];
            for (int c = 0; c < k; c++) {
                x[i * k + c] /= d;
            }
        }
    }
}
