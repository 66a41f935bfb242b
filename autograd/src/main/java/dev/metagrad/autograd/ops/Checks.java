package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

/** Argument checks shared by the ops; each message names the op, the shapes and the argument. */
public final class Checks {
    private Checks() {
    }

    /** Both operands share dtype and device. */
    public static void sameKind(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": dtype mismatch: " + a.dtype() + " " + Shape.str(a.shape())
                    + " and " + b.dtype() + " " + Shape.str(b.shape()) + "; convert one with to(DType)");
        }
        if (!a.device().equals(b.device())) {
            throw new IllegalArgumentException(op + ": tensors are on different devices: " + a.device() + " "
                    + Shape.str(a.shape()) + " and " + b.device() + " " + Shape.str(b.shape()));
        }
    }

    /** Operands share dtype and device; returns their broadcast shape. */
    public static int[] broadcast(String op, Tensor a, Tensor b) {
        sameKind(op, a, b);
        return Shape.broadcast(op, a.shape(), b.shape());
    }

    /** The tensor holds a floating type. */
    public static void floating(String op, Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a float64 or float32 tensor, got " + x.dtype()
                    + " " + Shape.str(x.shape()));
        }
    }

    /**
     * An index argument: int64, on the same device as the data. A floating index is refused, naming the
     * first NaN if it holds one.
     */
    public static void index(String op, String arg, Tensor index, Tensor data) {
        if (index.dtype() != DType.INT64) {
            if (index.dtype().isFloatingPoint()) {
                double[] v = index.toDoubleArray();
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        throw new IllegalArgumentException(op + ": " + arg + " " + Shape.str(index.shape())
                                + " contains NaN at flat position " + i + "; indices must be an int64 tensor");
                    }
                }
            }
            throw new IllegalArgumentException(op + ": " + arg + " must be an int64 tensor, got " + index.dtype()
                    + " " + Shape.str(index.shape()));
        }
        if (!index.device().equals(data.device())) {
            throw new IllegalArgumentException(op + ": " + arg + " is on " + index.device() + " but the input is on "
                    + data.device());
        }
    }

    /** Rank is exactly {@code rank}. */
    public static void rank(String op, String arg, Tensor x, int rank) {
        if (x.dim() != rank) {
            throw new IllegalArgumentException(op + ": " + arg + " must be " + rank + "-D, got shape " + Shape.str(x.shape()));
        }
    }

    /** A scalar parameter is finite and satisfies the stated condition. */
    public static void argument(String op, boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(op + ": " + message);
        }
    }
}
