package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.engine.Graph;

import java.util.Arrays;

/**
 * Shape ops: reshape, transpose, permute, expand, (un)squeeze, flatten. Tensors are contiguous, so
 * reshape shares storage and the others copy through a strided read; all are linear, with linear
 * backwards.
 */
public final class Views {
    private Views() {
    }

    /**
     * Same elements in a new row-major shape; one entry may be -1 (inferred). {@code []} makes a scalar.
     *
     * @throws IllegalArgumentException when the element counts differ or more than one -1 is given
     */
    public static Tensor reshape(Tensor x, int... shape) {
        int[] target = resolve(x, shape);
        int[] from = x.shape();
        if (Arrays.equals(from, target)) {
            return x;
        }
        Tensor y = Tensor.wrap(x.storage(), target);
        return Graph.record("reshape", y, g -> new Tensor[] {reshape(g, from)}, x);
    }

    private static int[] resolve(Tensor x, int[] shape) {
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension can be -1, got " + Shape.str(shape));
                }
                infer = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException("reshape: invalid size " + shape[i] + " in " + Shape.str(shape));
            } else {
                known *= shape[i];
            }
        }
        int[] out = shape.clone();
        int n = x.numel();
        if (infer >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("reshape: shape " + Shape.str(shape) + " is invalid for input of shape "
                        + Shape.str(x.shape()) + " (" + n + " elements)");
            }
            out[infer] = (int) (n / known);
        } else if (known != n) {
            throw new IllegalArgumentException("reshape: shape " + Shape.str(shape) + " is invalid for input of shape "
                    + Shape.str(x.shape()) + " (" + n + " elements)");
        }
        return out;
    }

    /** Output dim i is input dim {@code dims[i]} (torch.permute). Backward: the inverse permutation. */
    public static Tensor permute(Tensor x, int... dims) {
        int rank = x.dim();
        if (dims.length != rank) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(dims) + " has " + dims.length
                    + " dims but the input has shape " + Shape.str(x.shape()));
        }
        int[] perm = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = Shape.wrapDim("permute", dims[i], rank);
            if (seen[perm[i]]) {
                throw new IllegalArgumentException("permute: dim " + perm[i] + " repeats in " + Arrays.toString(dims));
            }
            seen[perm[i]] = true;
        }
        int[] inverse = new int[rank];
        boolean identity = true;
        for (int i = 0; i < rank; i++) {
            inverse[perm[i]] = i;
            identity &= perm[i] == i;
        }
        if (identity) {
            return x;
        }
        int[] shape = x.shape();
        int[] strides = x.strides();
        int[] outShape = new int[rank];
        int[] outStrides = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = shape[perm[i]];
            outStrides[i] = strides[perm[i]];
        }
        Tensor y = x.backend().gatherStrided(x, outShape, outStrides, 0);
        return Graph.record("permute", y, g -> new Tensor[] {permute(g, inverse)}, x);
    }

    /** Swaps two dims (torch.transpose). */
    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        int rank = x.dim();
        if (rank == 0) {
            Shape.wrapDim("transpose", dim0, rank);
            Shape.wrapDim("transpose", dim1, rank);
            return x;
        }
        int a = Shape.wrapDim("transpose", dim0, rank);
        int b = Shape.wrapDim("transpose", dim1, rank);
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        perm[a] = b;
        perm[b] = a;
        return permute(x, perm);
    }

    /**
     * Broadcasts to {@code size} (torch.expand): size-1 dims grow, -1 keeps a dim, extra leading dims are
     * allowed. Backward: sums over the expanded dims.
     */
    public static Tensor expand(Tensor x, int... size) {
        int[] shape = x.shape();
        if (size.length < shape.length) {
            throw new IllegalArgumentException("expand: the target " + Arrays.toString(size) + " has fewer dims than the input "
                    + Shape.str(shape));
        }
        int lead = size.length - shape.length;
        int[] target = new int[size.length];
        int[] strides = new int[size.length];
        int[] own = x.strides();
        for (int i = 0; i < size.length; i++) {
            int want = size[i];
            if (i < lead) {
                if (want < 0) {
                    throw new IllegalArgumentException("expand: -1 is not allowed for the new leading dim " + i + " in "
                            + Arrays.toString(size));
                }
                target[i] = want;
                continue;
            }
            int have = shape[i - lead];
            if (want == -1 || want == have) {
                target[i] = have;
                strides[i] = own[i - lead];
            } else if (have == 1 && want >= 0) {
                target[i] = want;
            } else {
                throw new IllegalArgumentException("expand: the size " + have + " of dim " + (i - lead) + " of input "
                        + Shape.str(shape) + " must match " + want + " in " + Arrays.toString(size) + " (or be 1)");
            }
        }
        if (Arrays.equals(target, shape)) {
            return x;
        }
        Tensor y = x.backend().gatherStrided(x, target, strides, 0);
        return Graph.record("expand", y, g -> new Tensor[] {Broadcast.reduceTo(g, shape)}, x);
    }

    /** Inserts a size-1 dim at {@code dim} (in [-(rank+1), rank]). */
    public static Tensor unsqueeze(Tensor x, int dim) {
        int[] shape = x.shape();
        int d = Shape.wrapDim("unsqueeze", dim, shape.length + 1);
        int[] out = new int[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == d ? 1 : shape[j++];
        }
        return reshape(x, out);
    }

    /** Removes dim {@code dim} if it has size 1 (unchanged otherwise, as torch). */
    public static Tensor squeeze(Tensor x, int dim) {
        int[] shape = x.shape();
        if (shape.length == 0) {
            Shape.wrapDim("squeeze", dim, 0);
            return x;
        }
        int d = Shape.wrapDim("squeeze", dim, shape.length);
        if (shape[d] != 1) {
            return x;
        }
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != d) {
                out[j++] = shape[i];
            }
        }
        return reshape(x, out);
    }

    /** Merges dims {@code startDim..endDim} (inclusive, negative allowed) into one. */
    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        int[] shape = x.shape();
        if (shape.length == 0) {
            return reshape(x, 1);
        }
        int s = Shape.wrapDim("flatten", startDim, shape.length);
        int e = Shape.wrapDim("flatten", endDim, shape.length);
        if (s > e) {
            throw new IllegalArgumentException("flatten: startDim " + startDim + " comes after endDim " + endDim);
        }
        int[] out = new int[shape.length - (e - s)];
        int merged = 1;
        for (int i = s; i <= e; i++) {
            merged *= shape[i];
        }
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i < s || i > e) {
                out[j++] = shape[i];
            } else if (i == s) {
                out[j++] = merged;
            }
        }
        return reshape(x, out);
    }
}
