package dev.metagrad.autograd;

import java.util.Locale;

/** Renders tensor values the way torch prints them: nested brackets, a shared precision, summarised when large. */
final class TensorFormat {
    private static final int SUMMARY_THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;

    private TensorFormat() {
    }

    static void append(StringBuilder sb, Tensor t) {
        int[] shape = t.shape();
        double[] v = t.toDoubleArray();
        boolean summarize = v.length > SUMMARY_THRESHOLD;
        DType dtype = t.dtype();
        boolean integral = allIntegral(v);
        Formatter f = x -> {
            if (dtype == DType.BOOL) {
                return x != 0 ? "true" : "false";
            }
            if (dtype == DType.INT64) {
                return Long.toString((long) x);
            }
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                return Double.toString(x).replace("Infinity", "inf");
            }
            if (integral) {
                return String.format(Locale.ROOT, "%.0f.", x);
            }
            double ax = Math.abs(x);
            return ax != 0 && (ax < 1e-4 || ax >= 1e8) ? String.format(Locale.ROOT, "%.4e", x)
                    : String.format(Locale.ROOT, "%.4f", x);
        };
        if (shape.length == 0) {
            sb.append(f.format(v[0]));
            return;
        }
        appendDim(sb, v, shape, 0, 0, Shape.contiguousStrides(shape), summarize, f);
    }

    private static boolean allIntegral(double[] v) {
        for (double x : v) {
            if (x != Math.rint(x) || Math.abs(x) >= 1e8) {
                return false;
            }
        }
        return true;
    }

    private interface Formatter {
        String format(double x);
    }

    private static void appendDim(StringBuilder sb, double[] v, int[] shape, int dim, int offset, int[] strides,
                                  boolean summarize, Formatter f) {
        sb.append('[');
        int n = shape[dim];
        for (int i = 0; i < n; i++) {
            if (summarize && n > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                sb.append("..., ");
                i = n - EDGE_ITEMS;
            }
            if (dim == shape.length - 1) {
                sb.append(f.format(v[offset + i * strides[dim]]));
            } else {
                appendDim(sb, v, shape, dim + 1, offset + i * strides[dim], strides, summarize, f);
            }
            if (i < n - 1) {
                sb.append(", ");
            }
        }
        sb.append(']');
    }
}
