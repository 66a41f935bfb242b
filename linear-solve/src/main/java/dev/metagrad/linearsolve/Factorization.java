package dev.metagrad.linearsolve;

/**
 * A factorized square matrix {@code A [n, n]} (raw row-major doubles) that solves {@code A X = B} and
 * {@code Aᵀ X = B} for right-hand sides {@code B [n, k]}. The differentiable wrapper is {@link DenseSolve}.
 */
interface Factorization {
    /** The order n of the matrix. */
    int size();

    /**
     * Solves for {@code k} right-hand-side columns.
     *
     * @param rhs        {@code B}, row-major {@code [n, k]} (not modified)
     * @param k          the number of columns
     * @param transposed solve with {@code Aᵀ} instead of {@code A}
     * @return {@code X}, row-major {@code [n, k]}
     */
    double[] solve(double[] rhs, int k, boolean transposed);
}
