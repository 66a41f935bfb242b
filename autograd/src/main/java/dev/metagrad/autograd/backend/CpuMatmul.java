package dev.metagrad.autograd.backend;

/**
 * Pure-Java batched matrix multiply kernels (row-major). Transposed operands are read through their
 * strides, so backward passes never materialise a transpose.
 */
final class CpuMatmul {
    private CpuMatmul() {
    }

    /** {@code out[b] = op(a[b]) @ op(b[b or 0])}, out zero-initialised by the caller. */
    static void batched(double[] a, double[] b, double[] out, int batch, int m, int k, int n,
                        boolean ta, boolean tb, boolean broadcastB) {
        for (int p = 0; p < batch; p++) {
            int ao = p * m * k;
            int bo = broadcastB ? 0 : p * k * n;
            int oo = p * m * n;
            // (row stride, col stride) of the logical [m, k] and [k, n] operands
            int ars = ta ? 1 : k;
            int acs = ta ? m : 1;
            int brs = tb ? 1 : n;
            int bcs = tb ? k : 1;
            for (int i = 0; i < m; i++) {
                int orow = oo + i * n;
                for (int q = 0; q < k; q++) {
                    double av = a[ao + i * ars + q * acs];
                    int brow = bo + q * brs;
                    for (int j = 0; j < n; j++) {
                        out[orow + j] += av * b[brow + j * bcs];
                    }
                }
            }
        }
    }

    /** Float32 variant with float accumulation, as torch's CPU kernels accumulate. */
    static void batched(float[] a, float[] b, float[] out, int batch, int m, int k, int n,
                        boolean ta, boolean tb, boolean broadcastB) {
        for (int p = 0; p < batch; p++) {
            int ao = p * m * k;
            int bo = broadcastB ? 0 : p * k * n;
            int oo = p * m * n;
            int ars = ta ? 1 : k;
            int acs = ta ? m : 1;
            int brs = tb ? 1 : n;
            int bcs = tb ? k : 1;
            for (int i = 0; i < m; i++) {
                int orow = oo + i * n;
                for (int q = 0; q < k; q++) {
                    float av = a[ao + i * ars + q * acs];
                    int brow = bo + q * brs;
                    for (int j = 0; j < n; j++) {
                        out[orow + j] += av * b[brow + j * bcs];
                    }
                }
            }
        }
    }
}
