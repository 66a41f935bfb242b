package dev.metagrad.autograd;

import java.util.Arrays;

/**
 * Static helpers over shapes ({@code int[]} dimension sizes, row-major): element counts, contiguous
 * strides, dimension wrapping and NumPy/torch broadcasting. Shapes are never mutated once a tensor
 * holds them.
 */
public final class Shape {
    private Shape() {
    }

    /** Number of elements of a tensor with this shape (1 for a scalar shape {@code []}). */
    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has too many elements: " + n);
        }
        return (int) n;
    }

    /** Row-major (C-order) strides, in elements. */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /**
     * Wraps a possibly negative dimension into {@code [0, rank)}, as torch does.
     *
     * @throws IllegalArgumentException naming the op when {@code dim} is out of range
     */
    public static int wrapDim(String op, int dim, int rank) {
        int r = Math.max(rank, 1); // torch lets a scalar be indexed with dim 0 or -1
        if (dim < -r || dim >= r) {
            throw new IllegalArgumentException(op + ": dim " + dim + " is out of range for a tensor of rank " + rank
                    + " (expected a value in [" + (-r) + ", " + (r - 1) + "])");
        }
        return dim < 0 ? dim + r : dim;
    }

    /** Wraps every dim of a list and rejects repeats; the result is sorted. */
    public static int[] wrapDims(String op, int[] dims, int rank) {
        int[] out = new int[dims.length];
        boolean[] seen = new boolean[Math.max(rank, 1)];
        for (int i = 0; i < dims.length; i++) {
            int d = wrapDim(op, dims[i], rank);
            if (seen[d]) {
                throw new IllegalArgumentException(op + ": dim " + d + " appears more than once in " + Arrays.toString(dims));
            }
            seen[d] = true;
            out[i] = d;
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * The broadcast shape of two shapes (NumPy rules: align trailing dims; sizes must match or be 1).
     *
     * @throws IllegalArgumentException naming the op and both shapes when they do not broadcast
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return a;
        }
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " cannot be broadcast: size " + da + " vs " + db + " at dim " + i + " of the result");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Shape with the given dims removed, or kept as size 1 when {@code keepdim}. {@code dims} sorted. */
    public static int[] reduced(int[] shape, int[] dims, boolean keepdim) {
        int[] out = new int[keepdim ? shape.length : shape.length - dims.length];
        int j = 0;
        int k = 0;
        for (int i = 0; i < shape.length; i++) {
            boolean reduce = k < dims.length && dims[k] == i;
            if (reduce) {
                k++;
                if (keepdim) {
                    out[j++] = 1;
                }
            } else {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    /** Human-readable form used in error messages, e.g. {@code [3, 4]}. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}
