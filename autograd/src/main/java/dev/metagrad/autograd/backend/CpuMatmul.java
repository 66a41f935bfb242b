package dev.metagrad.autograd.backend;

/**
 * Pure-Java batched matrix multiply kernels (row-major). Transposed operands are read through their
 * strides or repacked, so backward passes never materialise a transpose.
 *
 * <h2>Design</h2>
 * Products with one output column or row ({@code n = 1} or {@code m = 1}: matrix-vector products and their
 * backward forms) go to {@link CpuMatvec}, which keeps several independent sums in flight, at any size.
 * Other products with fewer than {@link #SMALL_WORK} multiply-adds take a plain i-k-j loop: for them the
 * fixed cost of packing would dominate. Larger ones are cache-blocked GotoBLAS-style: {@code B} is cut
 * into {@code KC x NC} blocks, each repacked (transposing it when {@code tb} is set, which is what makes
 * {@code x W^T} fast) into one small array per row, and every output row is then updated from the block
 * four rows of {@code B} at a time.
 *
 * <p>The micro-kernel ({@link #axpy4}) indexes all of its arrays with the bare loop counter. That is
 * deliberate: HotSpot's C2 (JDK 17) only auto-vectorises a loop when it can order every load against
 * every store, and it cannot when two accesses of the same element type carry different loop-invariant
 * offsets ({@code out[o + j]} against {@code b[p + j]}), because the arrays might be the same. With zero
 * offsets it proves the accesses independent and emits SIMD code (8 doubles or 16 floats per AVX-512
 * instruction). Output rows are therefore copied into a scratch row and back, which costs {@code 2 NC}
 * moves per {@code 2 KC NC} flops.
 *
 * <h2>SIMD</h2>
 * When the JVM runs with {@code --add-modules jdk.incubator.vector} (and its preferred vectors are at
 * least 256 bits), blocked products go to {@link VectorMatmul} instead, which keeps a 4 x 2-vector tile
 * of the output in registers. The module is looked up at class initialisation and the Vector API class is
 * referenced only on that branch, so without the flag it is never loaded. {@code -Dmetagrad.simd=false}
 * turns the SIMD path off.
 *
 * <h2>Rounding</h2>
 * Every output element is still accumulated as {@code ((0 + a0 b0) + a1 b1) + ...} in increasing
 * {@code k} order, without fused multiply-adds (Java never contracts {@code a * b + c}), exactly as the
 * naive loop does; the blocked and matrix-vector kernels are bit-for-bit identical to it, only faster.
 * Float32 accumulates in float, as torch's CPU kernels do.
 */
final class CpuMatmul {
    /**
     * Below this many multiply-adds ({@code m k n}) per matrix the naive loop wins over packing. The naive
     * loop is never vectorised (its arrays carry different offsets, see above) and costs about 1 ns per
     * multiply-add, so packing pays off early: at MAML's {@code [10, 40] x [40, 40]} (16,000 multiply-adds)
     * the blocked kernels take 4-7 µs against 18 µs for the naive loop. Under 16³ the products here are
     * thin ({@code k} of 1, or a few rows and columns), where packing is pure overhead.
     */
    static final long SMALL_WORK = 16 * 16 * 16;
    /** Depth of a packed block of B: {@code KC} rows of B (columns of A) per pass over the output. */
    static final int KC = 256;
    /** Width of a packed block of B; {@code KC x NC} doubles (512 KiB) stay in a 1 MiB L2 cache. */
    static final int NC = 256;
    /** Whether blocked products use {@link VectorMatmul}. */
    static final boolean SIMD = simdAvailable();

    /**
     * Per-thread packing buffers, grown on demand and reused: small products (MAML's 10 x 40 x 40 runs
     * thousands of them per step) otherwise allocate and zero more scratch than they compute with. Every
     * kernel overwrites the part it reads before reading it (pads of ragged SIMD strips hold stale values,
     * but those lanes are never written back), and no kernel calls out while it holds them.
     */
    private static final class Scratch {
        double[] vpanel64 = new double[0];
        double[] vtile64 = new double[0];
        float[] vpanel32 = new float[0];
        float[] vtile32 = new float[0];
        double[][] panel64 = new double[0][0];
        double[] row64 = new double[0];
        float[][] panel32 = new float[0][0];
        float[] row32 = new float[0];

        double[] vpanel64(int size) {
            return vpanel64.length >= size ? vpanel64 : (vpanel64 = new double[size]);
        }

        double[] vtile64(int size) {
            return vtile64.length >= size ? vtile64 : (vtile64 = new double[size]);
        }

        float[] vpanel32(int size) {
            return vpanel32.length >= size ? vpanel32 : (vpanel32 = new float[size]);
        }

        float[] vtile32(int size) {
            return vtile32.length >= size ? vtile32 : (vtile32 = new float[size]);
        }

        double[][] panel64(int rows, int cols) {
            if (panel64.length < rows || panel64[0].length < cols) {
                panel64 = new double[Math.max(rows, panel64.length)][Math.max(cols, panel64.length == 0 ? 0 : panel64[0].length)];
            }
            return panel64;
        }

        double[] row64(int size) {
            return row64.length >= size ? row64 : (row64 = new double[size]);
        }

        float[][] panel32(int rows, int cols) {
            if (panel32.length < rows || panel32[0].length < cols) {
                panel32 = new float[Math.max(rows, panel32.length)][Math.max(cols, panel32.length == 0 ? 0 : panel32[0].length)];
            }
            return panel32;
        }

        float[] row32(int size) {
            return row32.length >= size ? row32 : (row32 = new float[size]);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private CpuMatmul() {
    }

    private static boolean simdAvailable() {
        if (!Boolean.parseBoolean(System.getProperty("metagrad.simd", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorMatmul.usable();
        } catch (LinkageError e) {
            // a JVM whose module resolves but whose Vector API does not link: stay on the scalar path
            return false;
        }
    }

    /** {@code out[b] = op(a[b]) @ op(b[b or 0])}, out zero-initialised by the caller. */
    static void batched(double[] a, double[] b, double[] out, int batch, int m, int k, int n,
                        boolean ta, boolean tb, boolean broadcastB) {
        batched(a, b, out, batch, m, k, n, ta, tb, broadcastB, SIMD);
    }

    /** As above, choosing the SIMD kernel explicitly (tests run both; {@code simd} needs {@link #SIMD}). */
    static void batched(double[] a, double[] b, double[] out, int batch, int m, int k, int n,
                        boolean ta, boolean tb, boolean broadcastB, boolean simd) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (n == 1 || m == 1) {
            thin(a, b, out, batch, m, k, n, ta, tb, broadcastB);
            return;
        }
        boolean small = (long) m * k * n < SMALL_WORK;
        int kcMax = Math.min(KC, k);
        int ncMax = Math.min(NC, n);
        if (!small && simd) {
            Scratch sc = SCRATCH.get();
            double[] panel = sc.vpanel64(VectorMatmul.panelSize(kcMax, ncMax, VectorMatmul.NR64));
            double[] tile = sc.vtile64(4 * VectorMatmul.NR64);
            for (int p = 0; p < batch; p++) {
                VectorMatmul.blocked(a, p * m * k, b, broadcastB ? 0 : p * k * n, out, p * m * n, m, k, n, ta, tb,
                        panel, tile);
            }
            return;
        }
        Scratch sc = small ? null : SCRATCH.get();
        double[][] panel = small ? null : sc.panel64(kcMax, ncMax);
        double[] row = small ? null : sc.row64(ncMax);
        for (int p = 0; p < batch; p++) {
            int ao = p * m * k;
            int bo = broadcastB ? 0 : p * k * n;
            int oo = p * m * n;
            if (small) {
                naive(a, ao, b, bo, out, oo, m, k, n, ta, tb);
            } else {
                blocked(a, ao, b, bo, out, oo, m, k, n, ta, tb, panel, row);
            }
        }
    }

    /**
     * A product with one output column or row, by {@link CpuMatvec}: {@code n = 1} is {@code op(A) x} with
     * {@code x} the column of {@code op(B)}; {@code m = 1} is {@code op(B)ᵀ a} with {@code a} the row of
     * {@code op(A)}. Either vector is contiguous (its stride is 1 when its other dimension is 1), and so is a
     * row or a column of the matrix. Bit-for-bit the naive loop's sums.
     */
    private static void thin(double[] a, double[] b, double[] out, int batch, int m, int k, int n, boolean ta,
                             boolean tb, boolean broadcastB) {
        int ars = ta ? 1 : k;
        int acs = ta ? m : 1;
        int brs = tb ? 1 : n;
        int bcs = tb ? k : 1;
        for (int p = 0; p < batch; p++) {
            int ao = p * m * k;
            int bo = broadcastB ? 0 : p * k * n;
            int oo = p * m * n;
            if (n == 1) {
                CpuMatvec.matvec(a, ao, ars, acs, b, bo, out, oo, m, k);
            } else {
                CpuMatvec.matvec(b, bo, bcs, brs, a, ao, out, oo, n, k);
            }
        }
    }

    /** The reference i-k-j loop, reading transposed operands through their strides. */
    private static void naive(double[] a, int ao, double[] b, int bo, double[] out, int oo, int m, int k, int n,
                              boolean ta, boolean tb) {
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
                if (bcs == 1) {
                    // rows of B contiguous (always when k = 1: MAML's outer products): a plain unrolled loop
                    for (int j = 0; j < n; j++) {
                        out[orow + j] += av * b[brow + j];
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        out[orow + j] += av * b[brow + j * bcs];
                    }
                }
            }
        }
    }

    private static void blocked(double[] a, int ao, double[] b, int bo, double[] out, int oo, int m, int k, int n,
                                boolean ta, boolean tb, double[][] panel, double[] row) {
        int ars = ta ? 1 : k;
        int acs = ta ? m : 1;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                pack(b, bo, panel, pc, kc, jc, nc, k, n, tb);
                for (int i = 0; i < m; i++) {
                    int o = oo + i * n + jc;
                    System.arraycopy(out, o, row, 0, nc);
                    int ai = ao + i * ars + pc * acs;
                    int q = 0;
                    for (; q + 4 <= kc; q += 4) {
                        int s = ai + q * acs;
                        axpy4(row, panel[q], panel[q + 1], panel[q + 2], panel[q + 3],
                                a[s], a[s + acs], a[s + 2 * acs], a[s + 3 * acs], nc);
                    }
                    for (; q < kc; q++) {
                        axpy1(row, panel[q], a[ai + q * acs], nc);
                    }
                    System.arraycopy(row, 0, out, o, nc);
                }
            }
        }
    }

    /** Copies rows {@code pc..pc+kc} and columns {@code jc..jc+nc} of the logical B into one array per row. */
    private static void pack(double[] b, int bo, double[][] panel, int pc, int kc, int jc, int nc, int k, int n,
                             boolean tb) {
        if (!tb) {
            for (int q = 0; q < kc; q++) {
                System.arraycopy(b, bo + (pc + q) * n + jc, panel[q], 0, nc);
            }
            return;
        }
        // B is stored [n, k]: walk each stored row contiguously, scattering into the panel columns
        for (int j = 0; j < nc; j++) {
            int src = bo + (jc + j) * k + pc;
            for (int q = 0; q < kc; q++) {
                panel[q][j] = b[src + q];
            }
        }
    }

    /** {@code r += a0 b0 + a1 b1 + a2 b2 + a3 b3}, summed left to right; the vectorised inner loop. */
    private static void axpy4(double[] r, double[] b0, double[] b1, double[] b2, double[] b3,
                              double a0, double a1, double a2, double a3, int n) {
        for (int j = 0; j < n; j++) {
            r[j] = r[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    private static void axpy1(double[] r, double[] b0, double a0, int n) {
        for (int j = 0; j < n; j++) {
            r[j] += a0 * b0[j];
        }
    }

    /** Float32 variant with float accumulation, as torch's CPU kernels accumulate. */
    static void batched(float[] a, float[] b, float[] out, int batch, int m, int k, int n,
                        boolean ta, boolean tb, boolean broadcastB) {
        batched(a, b, out, batch, m, k, n, ta, tb, broadcastB, SIMD);
    }

    /** Float32, choosing the SIMD kernel explicitly. */
    static void batched(float[] a, float[] b, float[] out, int batch, int m, int k, int n,
                        boolean ta, boolean tb, boolean broadcastB, boolean simd) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (n == 1 || m == 1) {
            thin(a, b, out, batch, m, k, n, ta, tb, broadcastB);
            return;
        }
        boolean small = (long) m * k * n < SMALL_WORK;
        int kcMax = Math.min(KC, k);
        int ncMax = Math.min(NC, n);
        if (!small && simd) {
            Scratch sc = SCRATCH.get();
            float[] panel = sc.vpanel32(VectorMatmul.panelSize(kcMax, ncMax, VectorMatmul.NR32));
            float[] tile = sc.vtile32(4 * VectorMatmul.NR32);
            for (int p = 0; p < batch; p++) {
                VectorMatmul.blocked(a, p * m * k, b, broadcastB ? 0 : p * k * n, out, p * m * n, m, k, n, ta, tb,
                        panel, tile);
            }
            return;
        }
        Scratch sc = small ? null : SCRATCH.get();
        float[][] panel = small ? null : sc.panel32(kcMax, ncMax);
        float[] row = small ? null : sc.row32(ncMax);
        for (int p = 0; p < batch; p++) {
            int ao = p * m * k;
            int bo = broadcastB ? 0 : p * k * n;
            int oo = p * m * n;
            if (small) {
                naive(a, ao, b, bo, out, oo, m, k, n, ta, tb);
            } else {
                blocked(a, ao, b, bo, out, oo, m, k, n, ta, tb, panel, row);
            }
        }
    }

    /**
     * A product with one output column or row, by {@link CpuMatvec}: {@code n = 1} is {@code op(A) x} with
     * {@code x} the column of {@code op(B)}; {@code m = 1} is {@code op(B)ᵀ a} with {@code a} the row of
     * {@code op(A)}. Either vector is contiguous (its stride is 1 when its other dimension is 1), and so is a
     * row or a column of the matrix. Bit-for-bit the naive loop's sums.
     */
    private static void thin(float[] a, float[] b, float[] out, int batch, int m, int k, int n, boolean ta,
                             boolean tb, boolean broadcastB) {
        int ars = ta ? 1 : k;
        int acs = ta ? m : 1;
        int brs = tb ? 1 : n;
        int bcs = tb ? k : 1;
        for (int p = 0; p < batch; p++) {
            int ao = p * m * k;
            int bo = broadcastB ? 0 : p * k * n;
            int oo = p * m * n;
            if (n == 1) {
                CpuMatvec.matvec(a, ao, ars, acs, b, bo, out, oo, m, k);
            } else {
                CpuMatvec.matvec(b, bo, bcs, brs, a, ao, out, oo, n, k);
            }
        }
    }

    private static void naive(float[] a, int ao, float[] b, int bo, float[] out, int oo, int m, int k, int n,
                              boolean ta, boolean tb) {
        int ars = ta ? 1 : k;
        int acs = ta ? m : 1;
        int brs = tb ? 1 : n;
        int bcs = tb ? k : 1;
        for (int i = 0; i < m; i++) {
            int orow = oo + i * n;
            for (int q = 0; q < k; q++) {
                float av = a[ao + i * ars + q * acs];
                int brow = bo + q * brs;
                if (bcs == 1) {
                    // rows of B contiguous (always when k = 1: MAML's outer products): a plain unrolled loop
                    for (int j = 0; j < n; j++) {
                        out[orow + j] += av * b[brow + j];
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        out[orow + j] += av * b[brow + j * bcs];
                    }
                }
            }
        }
    }

    private static void blocked(float[] a, int ao, float[] b, int bo, float[] out, int oo, int m, int k, int n,
                                boolean ta, boolean tb, float[][] panel, float[] row) {
        int ars = ta ? 1 : k;
        int acs = ta ? m : 1;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                pack(b, bo, panel, pc, kc, jc, nc, k, n, tb);
                for (int i = 0; i < m; i++) {
                    int o = oo + i * n + jc;
                    System.arraycopy(out, o, row, 0, nc);
                    int ai = ao + i * ars + pc * acs;
                    int q = 0;
                    for (; q + 4 <= kc; q += 4) {
                        int s = ai + q * acs;
                        axpy4(row, panel[q], panel[q + 1], panel[q + 2], panel[q + 3],
                                a[s], a[s + acs], a[s + 2 * acs], a[s + 3 * acs], nc);
                    }
                    for (; q < kc; q++) {
                        axpy1(row, panel[q], a[ai + q * acs], nc);
                    }
                    System.arraycopy(row, 0, out, o, nc);
                }
            }
        }
    }

    private static void pack(float[] b, int bo, float[][] panel, int pc, int kc, int jc, int nc, int k, int n,
                             boolean tb) {
        if (!tb) {
            for (int q = 0; q < kc; q++) {
                System.arraycopy(b, bo + (pc + q) * n + jc, panel[q], 0, nc);
            }
            return;
        }
        for (int j = 0; j < nc; j++) {
            int src = bo + (jc + j) * k + pc;
            for (int q = 0; q < kc; q++) {
                panel[q][j] = b[src + q];
            }
        }
    }

    private static void axpy4(float[] r, float[] b0, float[] b1, float[] b2, float[] b3,
                              float a0, float a1, float a2, float a3, int n) {
        for (int j = 0; j < n; j++) {
            r[j] = r[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    private static void axpy1(float[] r, float[] b0, float a0, int n) {
        for (int j = 0; j < n; j++) {
            r[j] += a0 * b0[j];
        }
    }
}
