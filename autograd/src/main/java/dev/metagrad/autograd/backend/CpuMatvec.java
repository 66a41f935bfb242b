package dev.metagrad.autograd.backend;

/**
 * Matrix-vector kernels for the thin products of {@link CpuMatmul}: {@code y = y + M x} for a matrix
 * {@code M [rows, k]} stored with its rows or its columns contiguous (element {@code (i, q)} at
 * {@code m[mo + i k + q]} or {@code m[mo + i + q rows]}) and contiguous vectors {@code x [k]}, {@code y [rows]}.
 *
 * <h2>Why</h2>
 * A product with one output column ({@code n = 1}: {@code A v}, and every backward {@code Aᵀ g} of such a product)
 * or one output row ({@code m = 1}: {@code vᵀ B}, the same thing read the other way) is a set of independent dot
 * products. Summed one row at a time, every multiply-add of a row waits for the previous add (about 3 cycles),
 * whatever the width of the core. The two kernels here keep several independent sums in flight instead:
 * <ul>
 *   <li>{@link #rowMajor} sums four rows together, each in its own register ({@code x[q]} loaded once for the
 *       four). Four, not six or eight: measured on JDK 17, those ran no faster than the one-row loop (likely
 *       their row bases no longer fit in registers), while four run about 2.5 times faster.</li>
 *   <li>{@link #columnMajor} walks the output vector once per four columns,
 *       {@code y[i] = (((y[i] + M[i,q] x[q]) + M[i,q+1] x[q+1]) + ...)}: every iteration of the {@code i} loop is
 *       independent of the others, and the column offsets are loop invariant so the bounds checks hoist.</li>
 * </ul>
 *
 * <h2>Rounding</h2>
 * Either way each output element is accumulated as {@code ((y + M[i,0] x[0]) + M[i,1] x[1]) + ...} in
 * increasing {@code q}, one rounding per multiply and per add, no fused multiply-add, exactly as
 * {@link CpuMatmul}'s naive and blocked kernels do; only the interleaving of different elements changes. Results
 * are therefore bit-for-bit those of the other kernels (a product of two doubles commutes exactly, so reading
 * {@code vᵀ B} as {@code Bᵀ v} changes nothing either). Float32 accumulates in float, as they do.
 */
final class CpuMatvec {
    private CpuMatvec() {
    }

    /**
     * {@code y[yo + i] += Σ_q M[i, q] x[xo + q]} for {@code i < rows}, with {@code M[i, q] = m[mo + i rs + q cs]}
     * where one of the strides is 1 (the other being {@code k} or {@code rows}).
     */
    static void matvec(double[] m, int mo, int rs, int cs, double[] x, int xo, double[] y, int yo, int rows, int k) {
        if (cs == 1) {
            rowMajor(m, mo, rs, x, xo, y, yo, rows, k);
        } else if (rs == 1) {
            columnMajor(m, mo, cs, x, xo, y, yo, rows, k);
        } else {
            throw new IllegalArgumentException("matvec: one of the strides must be 1, got " + rs + " and " + cs);
        }
    }

    /** Rows {@code rs} apart, each contiguous: four dot products at a time. */
    static void rowMajor(double[] m, int mo, int rs, double[] x, int xo, double[] y, int yo, int rows, int k) {
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            int b0 = mo + i * rs;
            int b1 = b0 + rs;
            int b2 = b1 + rs;
            int b3 = b2 + rs;
            double s0 = y[yo + i];
            double s1 = y[yo + i + 1];
            double s2 = y[yo + i + 2];
            double s3 = y[yo + i + 3];
            for (int q = 0; q < k; q++) {
                double xq = x[xo + q];
                s0 += m[b0 + q] * xq;
                s1 += m[b1 + q] * xq;
                s2 += m[b2 + q] * xq;
                s3 += m[b3 + q] * xq;
            }
            y[yo + i] = s0;
            y[yo + i + 1] = s1;
            y[yo + i + 2] = s2;
            y[yo + i + 3] = s3;
        }
        for (; i < rows; i++) {
            int b = mo + i * rs;
            double s = y[yo + i];
            for (int q = 0; q < k; q++) {
                s += m[b + q] * x[xo + q];
            }
            y[yo + i] = s;
        }
    }

    /** Columns {@code cs} apart, each contiguous: the output updated from four columns per pass. */
    static void columnMajor(double[] m, int mo, int cs, double[] x, int xo, double[] y, int yo, int rows, int k) {
        int q = 0;
        for (; q + 4 <= k; q += 4) {
            int p0 = mo + q * cs;
            int p1 = p0 + cs;
            int p2 = p1 + cs;
            int p3 = p2 + cs;
            double x0 = x[xo + q];
            double x1 = x[xo + q + 1];
            double x2 = x[xo + q + 2];
            double x3 = x[xo + q + 3];
            for (int i = 0; i < rows; i++) {
                y[yo + i] = y[yo + i] + m[p0 + i] * x0 + m[p1 + i] * x1 + m[p2 + i] * x2 + m[p3 + i] * x3;
            }
        }
        for (; q < k; q++) {
            int p = mo + q * cs;
            double xq = x[xo + q];
            for (int i = 0; i < rows; i++) {
                y[yo + i] += m[p + i] * xq;
            }
        }
    }

    /** Float32 {@link #matvec(double[], int, int, int, double[], int, double[], int, int, int)}, float sums. */
    static void matvec(float[] m, int mo, int rs, int cs, float[] x, int xo, float[] y, int yo, int rows, int k) {
        if (cs == 1) {
            rowMajor(m, mo, rs, x, xo, y, yo, rows, k);
        } else if (rs == 1) {
            columnMajor(m, mo, cs, x, xo, y, yo, rows, k);
        } else {
            throw new IllegalArgumentException("matvec: one of the strides must be 1, got " + rs + " and " + cs);
        }
    }

    /** Float32 row-major kernel. */
    static void rowMajor(float[] m, int mo, int rs, float[] x, int xo, float[] y, int yo, int rows, int k) {
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            int b0 = mo + i * rs;
            int b1 = b0 + rs;
            int b2 = b1 + rs;
            int b3 = b2 + rs;
            float s0 = y[yo + i];
            float s1 = y[yo + i + 1];
            float s2 = y[yo + i + 2];
            float s3 = y[yo + i + 3];
            for (int q = 0; q < k; q++) {
                float xq = x[xo + q];
                s0 += m[b0 + q] * xq;
                s1 += m[b1 + q] * xq;
                s2 += m[b2 + q] * xq;
                s3 += m[b3 + q] * xq;
            }
            y[yo + i] = s0;
            y[yo + i + 1] = s1;
            y[yo + i + 2] = s2;
            y[yo + i + 3] = s3;
        }
        for (; i < rows; i++) {
            int b = mo + i * rs;
            float s = y[yo + i];
            for (int q = 0; q < k; q++) {
                s += m[b + q] * x[xo + q];
            }
            y[yo + i] = s;
        }
    }

    /** Float32 column-major kernel. */
    static void columnMajor(float[] m, int mo, int cs, float[] x, int xo, float[] y, int yo, int rows, int k) {
        int q = 0;
        for (; q + 4 <= k; q += 4) {
            int p0 = mo + q * cs;
            int p1 = p0 + cs;
            int p2 = p1 + cs;
            int p3 = p2 + cs;
            float x0 = x[xo + q];
            float x1 = x[xo + q + 1];
            float x2 = x[xo + q + 2];
            float x3 = x[xo + q + 3];
            for (int i = 0; i < rows; i++) {
                y[yo + i] = y[yo + i] + m[p0 + i] * x0 + m[p1 + i] * x1 + m[p2 + i] * x2 + m[p3 + i] * x3;
            }
        }
        for (; q < k; q++) {
            int p = mo + q * cs;
            float xq = x[xo + q];
            for (int i = 0; i < rows; i++) {
                y[yo + i] += m[p + i] * xq;
            }
        }
    }
}
