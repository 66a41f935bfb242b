package dev.metagrad.autograd.backend;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD variant of {@link CpuMatmul}'s blocked product, written with the incubating Vector API.
 * Only {@link CpuMatmul} refers to this class, and only after finding {@code jdk.incubator.vector} in the
 * boot layer, so without {@code --add-modules jdk.incubator.vector} it is never loaded.
 *
 * <p>B is packed in strips of {@code NR = 2} vectors of columns, each strip {@code kc x NR} contiguous, and
 * a 4-row by 2-vector tile of the output stays in 8 vector registers for a whole {@code KC}-deep pass.
 * A last strip at most one vector wide runs a 4-row by 1-vector tile instead of a padded 2-vector one.
 * Accumulation is {@code c = c + a * b} per {@code k}, in increasing {@code k}, with separate multiply and
 * add (never {@code fma}), so results are bit-for-bit those of the scalar kernels.
 */
final class VectorMatmul {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final int FL = F.length();
    /** Columns per packed strip of B (two vectors). */
    static final int NR64 = 2 * DL;
    /** Columns per packed strip of B for float32. */
    static final int NR32 = 2 * FL;
    private static final int MR = 4;

    private VectorMatmul() {
    }

    /**
     * Whether the preferred vectors are wide enough to beat the auto-vectorised scalar path; with
     * 128-bit vectors the register tile holds too few columns to pay for the strip packing.
     */
    static boolean usable() {
        return VectorShape.preferredShape().vectorBitSize() >= 256;
    }

    /** Packed-panel length for blocks of up to {@code kc x nc}, strips padded to whole vectors. */
    static int panelSize(int kc, int nc, int nr) {
        return kc * ((nc + nr - 1) / nr * nr);
    }

    // ------------------------------------------------------------------------------------------------
    // float64

    static void blocked(double[] a, int ao, double[] b, int bo, double[] out, int oo, int m, int k, int n,
                        boolean ta, boolean tb, double[] panel, double[] tile) {
        int ars = ta ? 1 : k;
        int acs = ta ? m : 1;
        for (int jc = 0; jc < n; jc += CpuMatmul.NC) {
            int nc = Math.min(CpuMatmul.NC, n - jc);
            for (int pc = 0; pc < k; pc += CpuMatmul.KC) {
                int kc = Math.min(CpuMatmul.KC, k - pc);
                pack(b, bo, panel, pc, kc, jc, nc, k, n, tb);
                // strip-major: a kc x NR strip (32 KiB at kc = 256, 8 lanes) is reused by every row block
                for (int s = 0; s < nc; s += NR64) {
                    int w = Math.min(NR64, nc - s);
                    int bs = s * kc;
                    int o = oo + jc + s;
                    int i = 0;
                    if (w <= DL) {
                        narrowStrip(a, ao + pc * acs, ars, acs, panel, bs, kc, out, o, n, m, w, tile);
                        continue;
                    }
                    for (; i + MR <= m; i += MR) {
                        int ai = ao + i * ars + pc * acs;
                        if (w == NR64) {
                            kernel4(a, ai, ars, acs, panel, bs, kc, out, o + i * n, n);
                        } else {
                            // ragged last strip: run on a padded copy, write back the real columns only
                            for (int r = 0; r < MR; r++) {
                                System.arraycopy(out, o + (i + r) * n, tile, r * NR64, w);
                            }
                            kernel4(a, ai, ars, acs, panel, bs, kc, tile, 0, NR64);
                            for (int r = 0; r < MR; r++) {
                                System.arraycopy(tile, r * NR64, out, o + (i + r) * n, w);
                            }
                        }
                    }
                    for (; i < m; i++) {
                        int ai = ao + i * ars + pc * acs;
                        if (w == NR64) {
                            kernel1(a, ai, acs, panel, bs, kc, out, o + i * n);
                        } else {
                            System.arraycopy(out, o + i * n, tile, 0, w);
                            kernel1(a, ai, acs, panel, bs, kc, tile, 0);
                            System.arraycopy(tile, 0, out, o + i * n, w);
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs rows {@code pc..pc+kc}, columns {@code jc..jc+nc} of the logical B into strips:
     * {@code panel[s kc + q NR + j]}. The padding columns of a ragged last strip keep stale values; they
     * only feed tile columns that are never written back.
     */
    private static void pack(double[] b, int bo, double[] panel, int pc, int kc, int jc, int nc, int k, int n,
                             boolean tb) {
        for (int s = 0; s < nc; s += NR64) {
            int w = Math.min(NR64, nc - s);
            int base = s * kc;
            if (!tb) {
                for (int q = 0; q < kc; q++) {
                    System.arraycopy(b, bo + (pc + q) * n + jc + s, panel, base + q * NR64, w);
                }
            } else {
                for (int j = 0; j < w; j++) {
                    int src = bo + (jc + s + j) * k + pc;
                    for (int q = 0; q < kc; q++) {
                        panel[base + q * NR64 + j] = b[src + q];
                    }
                }
            }
        }
    }

    private static void kernel4(double[] a, int a0, int ars, int acs, double[] panel, int b0, int kc,
                                double[] c, int c0, int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        DoubleVector c00 = DoubleVector.fromArray(D, c, c0);
        DoubleVector c01 = DoubleVector.fromArray(D, c, c0 + DL);
        DoubleVector c10 = DoubleVector.fromArray(D, c, c1);
        DoubleVector c11 = DoubleVector.fromArray(D, c, c1 + DL);
        DoubleVector c20 = DoubleVector.fromArray(D, c, c2);
        DoubleVector c21 = DoubleVector.fromArray(D, c, c2 + DL);
        DoubleVector c30 = DoubleVector.fromArray(D, c, c3);
        DoubleVector c31 = DoubleVector.fromArray(D, c, c3 + DL);
        int p = a0;
        int bq = b0;
        for (int q = 0; q < kc; q++) {
            DoubleVector x0 = DoubleVector.fromArray(D, panel, bq);
            DoubleVector x1 = DoubleVector.fromArray(D, panel, bq + DL);
            DoubleVector v = DoubleVector.broadcast(D, a[p]);
            c00 = c00.add(v.mul(x0));
            c01 = c01.add(v.mul(x1));
            v = DoubleVector.broadcast(D, a[p + ars]);
            c10 = c10.add(v.mul(x0));
            c11 = c11.add(v.mul(x1));
            v = DoubleVector.broadcast(D, a[p + 2 * ars]);
            c20 = c20.add(v.mul(x0));
            c21 = c21.add(v.mul(x1));
            v = DoubleVector.broadcast(D, a[p + 3 * ars]);
            c30 = c30.add(v.mul(x0));
            c31 = c31.add(v.mul(x1));
            p += acs;
            bq += NR64;
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + DL);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + DL);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + DL);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + DL);
    }

    private static void kernel1(double[] a, int a0, int acs, double[] panel, int b0, int kc, double[] c, int c0) {
        DoubleVector c00 = DoubleVector.fromArray(D, c, c0);
        DoubleVector c01 = DoubleVector.fromArray(D, c, c0 + DL);
        int p = a0;
        int bq = b0;
        for (int q = 0; q < kc; q++) {
            DoubleVector v = DoubleVector.broadcast(D, a[p]);
            c00 = c00.add(v.mul(DoubleVector.fromArray(D, panel, bq)));
            c01 = c01.add(v.mul(DoubleVector.fromArray(D, panel, bq + DL)));
            p += acs;
            bq += NR64;
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + DL);
    }

    /**
     * A strip at most one vector wide (the last strip of {@code n = 40} with 8-lane doubles): only its first
     * packed vector is computed, instead of a padded two-vector strip. Same per-element sums as kernel4.
     */
    private static void narrowStrip(double[] a, int a0, int ars, int acs, double[] panel, int bs, int kc, double[] out,
                                    int o, int n, int m, int w, double[] tile) {
        int i = 0;
        for (; i + MR <= m; i += MR) {
            int ai = a0 + i * ars;
            if (w == DL) {
                kernel4n(a, ai, ars, acs, panel, bs, kc, out, o + i * n, n);
            } else {
                for (int r = 0; r < MR; r++) {
                    System.arraycopy(out, o + (i + r) * n, tile, r * DL, w);
                }
                kernel4n(a, ai, ars, acs, panel, bs, kc, tile, 0, DL);
                for (int r = 0; r < MR; r++) {
                    System.arraycopy(tile, r * DL, out, o + (i + r) * n, w);
                }
            }
        }
        for (; i < m; i++) {
            int ai = a0 + i * ars;
            if (w == DL) {
                kernel1n(a, ai, acs, panel, bs, kc, out, o + i * n);
            } else {
                System.arraycopy(out, o + i * n, tile, 0, w);
                kernel1n(a, ai, acs, panel, bs, kc, tile, 0);
                System.arraycopy(tile, 0, out, o + i * n, w);
            }
        }
    }

    /** {@link #kernel4} on one vector of columns (4 x 1 register tile). */
    private static void kernel4n(double[] a, int a0, int ars, int acs, double[] panel, int b0, int kc, double[] c,
                                 int c0, int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        DoubleVector c00 = DoubleVector.fromArray(D, c, c0);
        DoubleVector c10 = DoubleVector.fromArray(D, c, c1);
        DoubleVector c20 = DoubleVector.fromArray(D, c, c2);
        DoubleVector c30 = DoubleVector.fromArray(D, c, c3);
        int p = a0;
        int bq = b0;
        for (int q = 0; q < kc; q++) {
            DoubleVector x0 = DoubleVector.fromArray(D, panel, bq);
            c00 = c00.add(DoubleVector.broadcast(D, a[p]).mul(x0));
            c10 = c10.add(DoubleVector.broadcast(D, a[p + ars]).mul(x0));
            c20 = c20.add(DoubleVector.broadcast(D, a[p + 2 * ars]).mul(x0));
            c30 = c30.add(DoubleVector.broadcast(D, a[p + 3 * ars]).mul(x0));
            p += acs;
            bq += NR64;
        }
        c00.intoArray(c, c0);
        c10.intoArray(c, c1);
        c20.intoArray(c, c2);
        c30.intoArray(c, c3);
    }

    /** {@link #kernel1} on one vector of columns. */
    private static void kernel1n(double[] a, int a0, int acs, double[] panel, int b0, int kc, double[] c, int c0) {
        DoubleVector c00 = DoubleVector.fromArray(D, c, c0);
        int p = a0;
        int bq = b0;
        for (int q = 0; q < kc; q++) {
            c00 = c00.add(DoubleVector.broadcast(D, a[p]).mul(DoubleVector.fromArray(D, panel, bq)));
            p += acs;
            bq += NR64;
        }
        c00.intoArray(c, c0);
    }

    // ------------------------------------------------------------------------------------------------
    // float32: the same code over FloatVector

    static void blocked(float[] a, int ao, float[] b, int bo, float[] out, int oo, int m, int k, int n,
                        boolean ta, boolean tb, float[] panel, float[] tile) {
        int ars = ta ? 1 : k;
        int acs = ta ? m : 1;
        for (int jc = 0; jc < n; jc += CpuMatmul.NC) {
            int nc = Math.min(CpuMatmul.NC, n - jc);
            for (int pc = 0; pc < k; pc += CpuMatmul.KC) {
                int kc = Math.min(CpuMatmul.KC, k - pc);
                pack(b, bo, panel, pc, kc, jc, nc, k, n, tb);
                for (int s = 0; s < nc; s += NR32) {
                    int w = Math.min(NR32, nc - s);
                    int bs = s * kc;
                    int o = oo + jc + s;
                    int i = 0;
                    if (w <= FL) {
                        narrowStrip(a, ao + pc * acs, ars, acs, panel, bs, kc, out, o, n, m, w, tile);
                        continue;
                    }
                    for (; i + MR <= m; i += MR) {
                        int ai = ao + i * ars + pc * acs;
                        if (w == NR32) {
                            kernel4(a, ai, ars, acs, panel, bs, kc, out, o + i * n, n);
                        } else {
                            for (int r = 0; r < MR; r++) {
                                System.arraycopy(out, o + (i + r) * n, tile, r * NR32, w);
                            }
                            kernel4(a, ai, ars, acs, panel, bs, kc, tile, 0, NR32);
                            for (int r = 0; r < MR; r++) {
                                System.arraycopy(tile, r * NR32, out, o + (i + r) * n, w);
                            }
                        }
                    }
                    for (; i < m; i++) {
                        int ai = ao + i * ars + pc * acs;
                        if (w == NR32) {
                            kernel1(a, ai, acs, panel, bs, kc, out, o + i * n);
                        } else {
                            System.arraycopy(out, o + i * n, tile, 0, w);
                            kernel1(a, ai, acs, panel, bs, kc, tile, 0);
                            System.arraycopy(tile, 0, out, o + i * n, w);
                        }
                    }
                }
            }
        }
    }

    private static void pack(float[] b, int bo, float[] panel, int pc, int kc, int jc, int nc, int k, int n,
                             boolean tb) {
        for (int s = 0; s < nc; s += NR32) {
            int w = Math.min(NR32, nc - s);
            int base = s * kc;
            if (!tb) {
                for (int q = 0; q < kc; q++) {
                    System.arraycopy(b, bo + (pc + q) * n + jc + s, panel, base + q * NR32, w);
                }
            } else {
                for (int j = 0; j < w; j++) {
                    int src = bo + (jc + s + j) * k + pc;
                    for (int q = 0; q < kc; q++) {
                        panel[base + q * NR32 + j] = b[src + q];
                    }
                }
            }
        }
    }

    private static void kernel4(float[] a, int a0, int ars, int acs, float[] panel, int b0, int kc,
                                float[] c, int c0, int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector c00 = FloatVector.fromArray(F, c, c0);
        FloatVector c01 = FloatVector.fromArray(F, c, c0 + FL);
        FloatVector c10 = FloatVector.fromArray(F, c, c1);
        FloatVector c11 = FloatVector.fromArray(F, c, c1 + FL);
        FloatVector c20 = FloatVector.fromArray(F, c, c2);
        FloatVector c21 = FloatVector.fromArray(F, c, c2 + FL);
        FloatVector c30 = FloatVector.fromArray(F, c, c3);
        FloatVector c31 = FloatVector.fromArray(F, c, c3 + FL);
        int p = a0;
        int bq = b0;
        for (int q = 0; q < kc; q++) {
            FloatVector x0 = FloatVector.fromArray(F, panel, bq);
            FloatVector x1 = FloatVector.fromArray(F, panel, bq + FL);
            FloatVector v = FloatVector.broadcast(F, a[p]);
            c00 = c00.add(v.mul(x0));
            c01 = c01.add(v.mul(x1));
            v = FloatVector.broadcast(F, a[p + ars]);
            c10 = c10.add(v.mul(x0));
            c11 = c11.add(v.mul(x1));
            v = FloatVector.broadcast(F, a[p + 2 * ars]);
            c20 = c20.add(v.mul(x0));
            c21 = c21.add(v.mul(x1));
            v = FloatVector.broadcast(F, a[p + 3 * ars]);
            c30 = c30.add(v.mul(x0));
            c31 = c31.add(v.mul(x1));
            p += acs;
            bq += NR32;
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + FL);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + FL);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + FL);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + FL);
    }

    private static void kernel1(float[] a, int a0, int acs, float[] panel, int b0, int kc, float[] c, int c0) {
        FloatVector c00 = FloatVector.fromArray(F, c, c0);
        FloatVector c01 = FloatVector.fromArray(F, c, c0 + FL);
        int p = a0;
        int bq = b0;
        for (int q = 0; q < kc; q++) {
            FloatVector v = FloatVector.broadcast(F, a[p]);
            c00 = c00.add(v.mul(FloatVector.fromArray(F, panel, bq)));
            c01 = c01.add(v.mul(FloatVector.fromArray(F, panel, bq + FL)));
            p += acs;
            bq += NR32;
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + FL);
    }

    /**
     * A strip at most one vector wide (the last strip of {@code n = 40} with 8-lane doubles): only its first
     * packed vector is computed, instead of a padded two-vector strip. Same per-element sums as kernel4.
     */
    private static void narrowStrip(float[] a, int a0, int ars, int acs, float[] panel, int bs, int kc, float[] out,
                                    int o, int n, int m, int w, float[] tile) {
        int i = 0;
        for (; i + MR <= m; i += MR) {
            int ai = a0 + i * ars;
            if (w == FL) {
                kernel4n(a, ai, ars, acs, panel, bs, kc, out, o + i * n, n);
            } else {
                for (int r = 0; r < MR; r++) {
                    System.arraycopy(out, o + (i + r) * n, tile, r * FL, w);
                }
                kernel4n(a, ai, ars, acs, panel, bs, kc, tile, 0, FL);
                for (int r = 0; r < MR; r++) {
                    System.arraycopy(tile, r * FL, out, o + (i + r) * n, w);
                }
            }
        }
        for (; i < m; i++) {
            int ai = a0 + i * ars;
            if (w == FL) {
                kernel1n(a, ai, acs, panel, bs, kc, out, o + i * n);
            } else {
                System.arraycopy(out, o + i * n, tile, 0, w);
                kernel1n(a, ai, acs, panel, bs, kc, tile, 0);
                System.arraycopy(tile, 0, out, o + i * n, w);
            }
        }
    }

    /** {@link #kernel4} on one vector of columns (4 x 1 register tile). */
    private static void kernel4n(float[] a, int a0, int ars, int acs, float[] panel, int b0, int kc, float[] c, int c0,
                                 int ldc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector c00 = FloatVector.fromArray(F, c, c0);
        FloatVector c10 = FloatVector.fromArray(F, c, c1);
        FloatVector c20 = FloatVector.fromArray(F, c, c2);
        FloatVector c30 = FloatVector.fromArray(F, c, c3);
        int p = a0;
        int bq = b0;
        for (int q = 0; q < kc; q++) {
            FloatVector x0 = FloatVector.fromArray(F, panel, bq);
            c00 = c00.add(FloatVector.broadcast(F, a[p]).mul(x0));
            c10 = c10.add(FloatVector.broadcast(F, a[p + ars]).mul(x0));
            c20 = c20.add(FloatVector.broadcast(F, a[p + 2 * ars]).mul(x0));
            c30 = c30.add(FloatVector.broadcast(F, a[p + 3 * ars]).mul(x0));
            p += acs;
            bq += NR32;
        }
        c00.intoArray(c, c0);
        c10.intoArray(c, c1);
        c20.intoArray(c, c2);
        c30.intoArray(c, c3);
    }

    /** {@link #kernel1} on one vector of columns. */
    private static void kernel1n(float[] a, int a0, int acs, float[] panel, int b0, int kc, float[] c, int c0) {
        FloatVector c00 = FloatVector.fromArray(F, c, c0);
        int p = a0;
        int bq = b0;
        for (int q = 0; q < kc; q++) {
            c00 = c00.add(FloatVector.broadcast(F, a[p]).mul(FloatVector.fromArray(F, panel, bq)));
            p += acs;
            bq += NR32;
        }
        c00.intoArray(c, c0);
    }
}
