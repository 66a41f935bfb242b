package dev.metagrad.autograd.backend;

import dev.metagrad.autograd.DType;

/**
 * Heap storage of the pure-Java backend: exactly one of the typed arrays is set, matching the dtype.
 * Arrays are handed over at construction and never written afterwards.
 */
public final class CpuStorage implements Storage {
    private final DType dtype;
    private final int size;
    final double[] f64;
    final float[] f32;
    final long[] i64;
    final boolean[] bool;

    private CpuStorage(DType dtype, int size, double[] f64, float[] f32, long[] i64, boolean[] bool) {
        this.dtype = dtype;
        this.size = size;
        this.f64 = f64;
        this.f32 = f32;
        this.i64 = i64;
        this.bool = bool;
    }

    static CpuStorage ofDoubles(double[] data) {
        return new CpuStorage(DType.FLOAT64, data.length, data, null, null, null);
    }

    static CpuStorage ofFloats(float[] data) {
        return new CpuStorage(DType.FLOAT32, data.length, null, data, null, null);
    }

    static CpuStorage ofLongs(long[] data) {
        return new CpuStorage(DType.INT64, data.length, null, null, data, null);
    }

    static CpuStorage ofBooleans(boolean[] data) {
        return new CpuStorage(DType.BOOL, data.length, null, null, null, data);
    }

    /** Wraps (does not copy) a computed double array as {@code dtype} (rounded once for float32). */
    static CpuStorage ofComputed(double[] data, DType dtype) {
        switch (dtype) {
            case FLOAT64:
                return ofDoubles(data);
            case FLOAT32: {
                float[] f = new float[data.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) data[i];
                }
                return ofFloats(f);
            }
            case INT64: {
                long[] l = new long[data.length];
                for (int i = 0; i < l.length; i++) {
                    l[i] = (long) data[i];
                }
                return ofLongs(l);
            }
            default: {
                boolean[] b = new boolean[data.length];
                for (int i = 0; i < b.length; i++) {
                    b[i] = data[i] != 0.0;
                }
                return ofBooleans(b);
            }
        }
    }

    /** The elements as doubles: the array itself for float64 (read-only by contract), a converted copy otherwise. */
    double[] doubles() {
        switch (dtype) {
            case FLOAT64:
                return f64;
            case FLOAT32: {
                double[] d = new double[size];
                for (int i = 0; i < size; i++) {
                    d[i] = f32[i];
                }
                return d;
            }
            case INT64: {
                double[] d = new double[size];
                for (int i = 0; i < size; i++) {
                    d[i] = i64[i];
                }
                return d;
            }
            default: {
                double[] d = new double[size];
                for (int i = 0; i < size; i++) {
                    d[i] = bool[i] ? 1.0 : 0.0;
                }
                return d;
            }
        }
    }

    /** The elements as longs (the array itself for int64). */
    long[] longs() {
        if (dtype == DType.INT64) {
            return i64;
        }
        double[] d = doubles();
        long[] l = new long[size];
        for (int i = 0; i < size; i++) {
            l[i] = (long) d[i];
        }
        return l;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Backend backend() {
        return CpuBackend.INSTANCE;
    }
}
