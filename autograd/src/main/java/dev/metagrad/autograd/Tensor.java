package dev.metagrad.autograd;

import dev.metagrad.autograd.backend.Backend;
import dev.metagrad.autograd.backend.Backends;
import dev.metagrad.autograd.backend.Storage;
import dev.metagrad.autograd.engine.Engine;
import dev.metagrad.autograd.engine.Node;
import dev.metagrad.autograd.ops.Activations;
import dev.metagrad.autograd.ops.Arithmetic;
import dev.metagrad.autograd.ops.Casts;
import dev.metagrad.autograd.ops.Comparisons;
import dev.metagrad.autograd.ops.Indexing;
import dev.metagrad.autograd.ops.LinearAlgebra;
import dev.metagrad.autograd.ops.MathFunctions;
import dev.metagrad.autograd.ops.Reductions;
import dev.metagrad.autograd.ops.Softmax;
import dev.metagrad.autograd.ops.Views;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense, row-major n-dimensional array of {@link DType float64, float32, int64 or bool} on a
 * {@link Device}, and a node of the autograd graph.
 *
 * <p>Values are immutable: every op returns a new tensor, so a tensor that took part in a graph is never
 * changed behind the engine's back. What does change is autograd bookkeeping: {@link #requiresGrad(boolean)}
 * on leaves, and the {@link #grad()} that {@link #backward()} accumulates into.
 *
 * <p>Instance methods mirror torch's ({@code x.mul(y).sum()}); the op families in
 * {@code dev.metagrad.autograd.ops} hold the implementations and the ops without a method form (losses,
 * convolution, pooling, normalization). Creation defaults to float64.
 */
public final class Tensor {
    private final Storage storage;
    private final int[] shape;
    private boolean requiresGrad;
    private Node gradFn;
    private Tensor grad;

    private Tensor(Storage storage, int[] shape) {
        this.storage = storage;
        this.shape = shape;
    }

    /**
     * Low-level: a tensor over existing storage. For backends and ops; the storage must hold exactly
     * {@code numel(shape)} elements and must not be written afterwards.
     */
    public static Tensor wrap(Storage storage, int[] shape) {
        if (storage.size() != Shape.numel(shape)) {
            throw new IllegalArgumentException("wrap: storage has " + storage.size() + " elements but shape "
                    + Shape.str(shape) + " needs " + Shape.numel(shape));
        }
        return new Tensor(storage, shape.clone());
    }

    // ----------------------------------------------------------------------------------------------
    // Creation

    private static Backend cpu() {
        return Backends.forDevice(Device.CPU);
    }

    private static void checkShape(String op, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + Shape.str(shape));
            }
        }
    }

    /** A 1-D float64 tensor holding {@code values}. */
    public static Tensor of(double... values) {
        return cpu().fromDoubles(values, DType.FLOAT64, new int[] {values.length});
    }

    /**
     * A float64 tensor of the given shape over a copy of row-major {@code data}.
     *
     * @throws IllegalArgumentException when the data length does not match the shape
     */
    public static Tensor of(double[] data, int... shape) {
        return of(data, DType.FLOAT64, shape);
    }

    /** A tensor of {@code dtype} (float64 or float32) holding row-major {@code data}. */
    public static Tensor of(double[] data, DType dtype, int... shape) {
        checkShape("of", shape);
        if (data.length != Shape.numel(shape)) {
            throw new IllegalArgumentException("of: " + data.length + " values cannot fill shape " + Shape.str(shape)
                    + " (" + Shape.numel(shape) + " elements)");
        }
        return cpu().fromDoubles(data, dtype, shape);
    }

    /** A 2-D float64 tensor from rows of equal length. */
    public static Tensor of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("of: row " + i + " has " + rows[i].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return of(flat, rows.length, cols);
    }

    /** A float32 tensor of the given shape from row-major {@code data}. */
    public static Tensor ofFloats(float[] data, int... shape) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return of(d, DType.FLOAT32, shape);
    }

    /** An int64 tensor (indices, class targets) of the given shape. */
    public static Tensor ofLongs(long[] data, int... shape) {
        checkShape("ofLongs", shape);
        if (data.length != Shape.numel(shape)) {
            throw new IllegalArgumentException("ofLongs: " + data.length + " values cannot fill shape " + Shape.str(shape));
        }
        return cpu().fromLongs(data, shape);
    }

    /** A bool tensor (masks, conditions) of the given shape. */
    public static Tensor ofBooleans(boolean[] data, int... shape) {
        checkShape("ofBooleans", shape);
        if (data.length != Shape.numel(shape)) {
            throw new IllegalArgumentException("ofBooleans: " + data.length + " values cannot fill shape " + Shape.str(shape));
        }
        return cpu().fromBooleans(data, shape);
    }

    /** A 0-dim float64 tensor. */
    public static Tensor scalar(double value) {
        return scalar(value, DType.FLOAT64);
    }

    /** A 0-dim tensor of the given type. */
    public static Tensor scalar(double value, DType dtype) {
        return cpu().full(value, dtype, new int[0]);
    }

    /** float64 zeros. */
    public static Tensor zeros(int... shape) {
        return full(0.0, DType.FLOAT64, shape);
    }

    /** Zeros of the given type. */
    public static Tensor zeros(DType dtype, int... shape) {
        return full(0.0, dtype, shape);
    }

    /** float64 ones. */
    public static Tensor ones(int... shape) {
        return full(1.0, DType.FLOAT64, shape);
    }

    /** Ones of the given type. */
    public static Tensor ones(DType dtype, int... shape) {
        return full(1.0, dtype, shape);
    }

    /** A float64 tensor filled with {@code value}. */
    public static Tensor full(double value, int... shape) {
        return full(value, DType.FLOAT64, shape);
    }

    /** A tensor of the given type filled with {@code value}. */
    public static Tensor full(double value, DType dtype, int... shape) {
        checkShape("full", shape);
        return cpu().full(value, dtype, shape.clone());
    }

    /** Zeros with the shape, dtype and device of {@code like}. */
    public static Tensor zerosLike(Tensor like) {
        return like.backend().full(0.0, like.dtype(), like.shape);
    }

    /** Ones with the shape, dtype and device of {@code like}. */
    public static Tensor onesLike(Tensor like) {
        return like.backend().full(1.0, like.dtype(), like.shape);
    }

    /** {@code value} everywhere, with the shape, dtype and device of {@code like}. */
    public static Tensor fullLike(Tensor like, double value) {
        return like.backend().full(value, like.dtype(), like.shape);
    }

    /** A 0-dim tensor with the dtype and device of {@code like}. */
    public static Tensor scalarLike(Tensor like, double value) {
        return like.backend().full(value, like.dtype(), new int[0]);
    }

    /** {@code [0, 1, ..., end-1]} as float64 (torch.arange(end)). */
    public static Tensor arange(double end) {
        return arange(0, end, 1);
    }

    /**
     * {@code start, start+step, ...} strictly before {@code end} (torch.arange), float64.
     *
     * @throws IllegalArgumentException when step is 0 or points away from end
     */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0 || Double.isNaN(step) || (end - start) * step < 0) {
            throw new IllegalArgumentException("arange: step " + step + " cannot go from " + start + " to " + end);
        }
        int n = (int) Math.ceil((end - start) / step);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        return of(d, n);
    }

    /** {@code steps} evenly spaced values from start to end inclusive (torch.linspace), float64. */
    public static Tensor linspace(double start, double end, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("linspace: steps must be >= 0, got " + steps);
        }
        double[] d = new double[steps];
        if (steps == 1) {
            return of(new double[] {start}, 1); // torch: a single step is the start, not the end
        }
        double step = steps > 1 ? (end - start) / (steps - 1) : 0;
        int half = steps / 2;
        for (int i = 0; i < steps; i++) {
            // torch fills the second half backwards from end, so the last value is exactly end
            d[i] = i < half ? start + step * i : end - step * (steps - 1 - i);
        }
        return of(d, steps);
    }

    /** The n-by-n identity, float64. */
    public static Tensor eye(int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1.0;
        }
        return of(d, n, n);
    }

    /** Uniform samples in [0, 1), float64, from an explicit generator. */
    public static Tensor rand(Generator rng, int... shape) {
        return rand(rng, DType.FLOAT64, shape);
    }

    /** Uniform samples in [0, 1) of the given type. */
    public static Tensor rand(Generator rng, DType dtype, int... shape) {
        checkShape("rand", shape);
        double[] d = new double[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextDouble();
        }
        return of(d, dtype, shape);
    }

    /** Standard normal samples, float64, from an explicit generator. */
    public static Tensor randn(Generator rng, int... shape) {
        return randn(rng, DType.FLOAT64, shape);
    }

    /** Standard normal samples of the given type. */
    public static Tensor randn(Generator rng, DType dtype, int... shape) {
        checkShape("randn", shape);
        double[] d = new double[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextGaussian();
        }
        return of(d, dtype, shape);
    }

    // ----------------------------------------------------------------------------------------------
    // Metadata and data access

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of dim {@code d} (negative counts from the end). */
    public int size(int d) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("size: dim " + d + " requested but a 0-dim tensor has no dims");
        }
        return shape[Shape.wrapDim("size", d, shape.length)];
    }

    /** Number of dimensions. */
    public int dim() {
        return shape.length;
    }

    /** Number of elements. */
    public int numel() {
        return storage.size();
    }

    /** Row-major strides in elements (tensors are always contiguous). */
    public int[] strides() {
        return Shape.contiguousStrides(shape);
    }

    /** Element type. */
    public DType dtype() {
        return storage.dtype();
    }

    /** The device holding the data. */
    public Device device() {
        return storage.device();
    }

    /** The backend that runs kernels on this tensor. */
    public Backend backend() {
        return storage.backend();
    }

    /** The underlying storage (for backends and ops). */
    public Storage storage() {
        return storage;
    }

    /**
     * The single value of a one-element tensor.
     *
     * @throws IllegalStateException when the tensor has more than one element
     */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("item: tensor of shape " + Shape.str(shape) + " has " + numel()
                    + " elements; only one-element tensors convert to a number");
        }
        return backend().toDoubles(this)[0];
    }

    /** A row-major copy of the elements as doubles. */
    public double[] toDoubleArray() {
        return backend().toDoubles(this);
    }

    /** A row-major copy of the elements as floats. */
    public float[] toFloatArray() {
        double[] d = toDoubleArray();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** A row-major copy of the elements as longs (floating values truncated). */
    public long[] toLongArray() {
        return backend().toLongs(this);
    }

    /** A copy of a 2-D tensor as rows. */
    public double[][] toDoubleArray2d() {
        if (shape.length != 2) {
            throw new IllegalStateException("toDoubleArray2d: tensor has shape " + Shape.str(shape) + ", not 2-D");
        }
        double[] d = toDoubleArray();
        double[][] rows = new double[shape[0]][];
        for (int i = 0; i < shape[0]; i++) {
            rows[i] = Arrays.copyOfRange(d, i * shape[1], (i + 1) * shape[1]);
        }
        return rows;
    }

    // ----------------------------------------------------------------------------------------------
    // Autograd bookkeeping

    /** Whether gradients flow to (or through) this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Marks a leaf as requiring grad (torch's {@code requires_grad_}), returning this tensor.
     *
     * @throws IllegalStateException on a non-leaf, or when asking for grad on an integer or bool tensor
     */
    public Tensor requiresGrad(boolean value) {
        if (gradFn != null) {
            throw new IllegalStateException("requiresGrad: this tensor was produced by " + gradFn.name()
                    + " and is not a leaf; use detach() to get a leaf");
        }
        if (value && !dtype().isFloatingPoint()) {
            throw new IllegalStateException("requiresGrad: only floating point tensors can require grad, this one is "
                    + dtype());
        }
        this.requiresGrad = value;
        return this;
    }

    /** The node that produced this tensor, or null for leaves. */
    public Node gradFn() {
        return gradFn;
    }

    /** Whether this tensor is a leaf of the graph (created by the user, not by a recorded op). */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The gradient accumulated by {@link #backward()} into this leaf, or null. */
    public Tensor grad() {
        return grad;
    }

    /**
     * Replaces the accumulated gradient (null clears it, as {@code zero_grad(set_to_none=True)}).
     *
     * @throws IllegalArgumentException when the shape or dtype does not match
     */
    public void setGrad(Tensor newGrad) {
        if (newGrad != null && (!Arrays.equals(newGrad.shape, shape) || newGrad.dtype() != dtype())) {
            throw new IllegalArgumentException("setGrad: gradient of shape " + Shape.str(newGrad.shape) + " " + newGrad.dtype()
                    + " does not match tensor of shape " + Shape.str(shape) + " " + dtype());
        }
        this.grad = newGrad;
    }

    /** Engine hook: adds {@code g} to the accumulated gradient. */
    public void accumulateGrad(Tensor g) {
        grad = grad == null ? g : grad.add(g);
    }

    /** Engine hook: makes this freshly computed tensor the output of {@code node}. */
    public void attachGradFn(Node node) {
        if (gradFn != null || grad != null || requiresGrad) {
            throw new IllegalStateException("attachGradFn: tensor already takes part in a graph");
        }
        this.gradFn = Objects.requireNonNull(node);
        this.requiresGrad = true;
    }

    /** A leaf sharing this tensor's data, cut from the graph (torch's {@code detach}). */
    public Tensor detach() {
        return new Tensor(storage, shape);
    }

    /**
     * Accumulates d(this)/d(leaf) into every leaf's {@link #grad()}; this must hold one element. Frees
     * the graph afterwards.
     */
    public void backward() {
        Engine.run(new Tensor[] {this}, null, null, false, false, false, false, true);
    }

    /** Backward with an explicit seed gradient {@code dL/d(this)} of this tensor's shape. */
    public void backward(Tensor gradOutput) {
        Engine.run(new Tensor[] {this}, new Tensor[] {gradOutput}, null, false, false, false, false, true);
    }

    /** Backward with full options (retainGraph, createGraph, restricted inputs); see {@link Autograd#backward}. */
    public Autograd.BackwardCall backwardCall() {
        return Autograd.backward(this);
    }

    // ----------------------------------------------------------------------------------------------
    // Fluent op facade (implementations in dev.metagrad.autograd.ops)

    /** {@code this + other} with broadcasting. */
    public Tensor add(Tensor other) {
        return Arithmetic.add(this, other);
    }

    /** {@code this + value}. */
    public Tensor add(double value) {
        return Arithmetic.add(this, value);
    }

    /** {@code this - other} with broadcasting. */
    public Tensor sub(Tensor other) {
        return Arithmetic.sub(this, other);
    }

    /** {@code this - value}. */
    public Tensor sub(double value) {
        return Arithmetic.add(this, -value);
    }

    /** {@code value - this}. */
    public Tensor rsub(double value) {
        return Arithmetic.rsub(value, this);
    }

    /** {@code this * other} with broadcasting. */
    public Tensor mul(Tensor other) {
        return Arithmetic.mul(this, other);
    }

    /** {@code this * value}. */
    public Tensor mul(double value) {
        return Arithmetic.mul(this, value);
    }

    /** {@code this / other} with broadcasting. */
    public Tensor div(Tensor other) {
        return Arithmetic.div(this, other);
    }

    /** {@code this / value}. */
    public Tensor div(double value) {
        return Arithmetic.div(this, value);
    }

    /** {@code value / this}. */
    public Tensor rdiv(double value) {
        return Arithmetic.rdiv(value, this);
    }

    /** {@code -this}. */
    public Tensor neg() {
        return Arithmetic.neg(this);
    }

    /** {@code this^exponent} element-wise with broadcasting. */
    public Tensor pow(Tensor exponent) {
        return Arithmetic.pow(this, exponent);
    }

    /** {@code this^exponent}. */
    public Tensor pow(double exponent) {
        return Arithmetic.pow(this, exponent);
    }

    /** {@code this^2}. */
    public Tensor square() {
        return Arithmetic.square(this);
    }

    /** {@code 1 / this}. */
    public Tensor reciprocal() {
        return Arithmetic.rdiv(1.0, this);
    }

    /** e^x. */
    public Tensor exp() {
        return MathFunctions.exp(this);
    }

    /** Natural logarithm. */
    public Tensor log() {
        return MathFunctions.log(this);
    }

    /** ln(1 + x). */
    public Tensor log1p() {
        return MathFunctions.log1p(this);
    }

    /** Square root. */
    public Tensor sqrt() {
        return MathFunctions.sqrt(this);
    }

    /** 1 / sqrt(x). */
    public Tensor rsqrt() {
        return MathFunctions.rsqrt(this);
    }

    /** |x|. */
    public Tensor abs() {
        return MathFunctions.abs(this);
    }

    /** sign(x), with zero gradient. */
    public Tensor sign() {
        return MathFunctions.sign(this);
    }

    /** Sine. */
    public Tensor sin() {
        return MathFunctions.sin(this);
    }

    /** Cosine. */
    public Tensor cos() {
        return MathFunctions.cos(this);
    }

    /** Error function. */
    public Tensor erf() {
        return MathFunctions.erf(this);
    }

    /** Hyperbolic tangent. */
    public Tensor tanh() {
        return Activations.tanh(this);
    }

    /** Logistic sigmoid. */
    public Tensor sigmoid() {
        return Activations.sigmoid(this);
    }

    /** max(x, 0). */
    public Tensor relu() {
        return Activations.relu(this);
    }

    /** Clamps into [min, max]; pass null for a missing bound. */
    public Tensor clamp(Double min, Double max) {
        return Comparisons.clamp(this, min, max);
    }

    /** Element-wise maximum with broadcasting. */
    public Tensor maximum(Tensor other) {
        return Comparisons.maximum(this, other);
    }

    /** Element-wise minimum with broadcasting. */
    public Tensor minimum(Tensor other) {
        return Comparisons.minimum(this, other);
    }

    /** {@code this > other} as bool. */
    public Tensor gt(Tensor other) {
        return Comparisons.gt(this, other);
    }

    /** {@code this < other} as bool. */
    public Tensor lt(Tensor other) {
        return Comparisons.lt(this, other);
    }

    /** {@code this >= other} as bool. */
    public Tensor ge(Tensor other) {
        return Comparisons.ge(this, other);
    }

    /** {@code this <= other} as bool. */
    public Tensor le(Tensor other) {
        return Comparisons.le(this, other);
    }

    /** {@code this == other} as bool. */
    public Tensor eq(Tensor other) {
        return Comparisons.eq(this, other);
    }

    /** Matrix product with torch.matmul's rules for 1-D, 2-D and batched operands. */
    public Tensor matmul(Tensor other) {
        return LinearAlgebra.matmul(this, other);
    }

    /** Inner product of two 1-D tensors. */
    public Tensor dot(Tensor other) {
        return LinearAlgebra.dot(this, other);
    }

    /** Outer product of two 1-D tensors. */
    public Tensor outer(Tensor other) {
        return LinearAlgebra.outer(this, other);
    }

    /** Same data, new shape (one dim may be -1). */
    public Tensor reshape(int... newShape) {
        return Views.reshape(this, newShape);
    }

    /** Swaps two dims. */
    public Tensor transpose(int dim0, int dim1) {
        return Views.transpose(this, dim0, dim1);
    }

    /** Transpose of a 2-D tensor (1-D and 0-D unchanged). */
    public Tensor t() {
        return dim() < 2 ? this : Views.transpose(this, 0, 1);
    }

    /** Reorders dims: output dim i is input dim {@code dims[i]}. */
    public Tensor permute(int... dims) {
        return Views.permute(this, dims);
    }

    /** Broadcasts to a larger shape (-1 keeps a dim). */
    public Tensor expand(int... size) {
        return Views.expand(this, size);
    }

    /** Inserts a size-1 dim at {@code dim}. */
    public Tensor unsqueeze(int dim) {
        return Views.unsqueeze(this, dim);
    }

    /** Removes a size-1 dim. */
    public Tensor squeeze(int dim) {
        return Views.squeeze(this, dim);
    }

    /** Flattens dims {@code startDim..endDim} into one. */
    public Tensor flatten(int startDim, int endDim) {
        return Views.flatten(this, startDim, endDim);
    }

    /** Sum of all elements (0-dim). */
    public Tensor sum() {
        return Reductions.sum(this);
    }

    /** Sum over dims. */
    public Tensor sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dims, keepdim);
    }

    /** Sum over one dim. */
    public Tensor sum(int dim, boolean keepdim) {
        return Reductions.sum(this, new int[] {dim}, keepdim);
    }

    /** Mean of all elements (0-dim). */
    public Tensor mean() {
        return Reductions.mean(this);
    }

    /** Mean over dims. */
    public Tensor mean(int[] dims, boolean keepdim) {
        return Reductions.mean(this, dims, keepdim);
    }

    /** Variance of all elements, Bessel-corrected when {@code unbiased}. */
    public Tensor var(boolean unbiased) {
        return Reductions.var(this, null, unbiased, false);
    }

    /** Largest values over dims. */
    public Tensor amax(int[] dims, boolean keepdim) {
        return Reductions.amax(this, dims, keepdim);
    }

    /** Largest value of all elements. */
    public Tensor max() {
        return Reductions.amax(this, null, false);
    }

    /** log(sum(exp(x))) over dims, computed stably. */
    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return Reductions.logsumexp(this, dims, keepdim);
    }

    /** p-norm over all elements. */
    public Tensor norm(double p) {
        return Reductions.norm(this, p);
    }

    /** Cumulative sum along a dim. */
    public Tensor cumsum(int dim) {
        return Reductions.cumsum(this, dim);
    }

    /** Softmax along a dim. */
    public Tensor softmax(int dim) {
        return Softmax.softmax(this, dim);
    }

    /** Log-softmax along a dim. */
    public Tensor logSoftmax(int dim) {
        return Softmax.logSoftmax(this, dim);
    }

    /** Elements {@code start .. start+length-1} along dim. */
    public Tensor narrow(int dim, int start, int length) {
        return Indexing.narrow(this, dim, start, length);
    }

    /** Python-style slice {@code start:end:step} along dim. */
    public Tensor slice(int dim, int start, int end, int step) {
        return Indexing.slice(this, dim, start, end, step);
    }

    /** Picks entries along dim by an int64 index tensor (torch.gather). */
    public Tensor gather(int dim, Tensor index) {
        return Indexing.gather(this, dim, index);
    }

    /** Selects slices along dim by a 1-D int64 index (torch.index_select). */
    public Tensor indexSelect(int dim, Tensor index) {
        return Indexing.indexSelect(this, dim, index);
    }

    /** Converts to another dtype; differentiable between floating types. */
    public Tensor to(DType dtype) {
        return Casts.to(this, dtype);
    }

    // ----------------------------------------------------------------------------------------------

    /**
     * torch-like text: {@code tensor([[1.0000, 2.0000], [3.0000, 4.0000]], dtype=float64)}, with
     * {@code requiresGrad=true} or the producing op when set. Large tensors are summarised.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("tensor(");
        TensorFormat.append(sb, this);
        sb.append(", dtype=").append(dtype());
        if (!device().equals(Device.CPU)) {
            sb.append(", device=").append(device());
        }
        if (gradFn != null) {
            sb.append(", gradFn=").append(gradFn);
        } else if (requiresGrad) {
            sb.append(", requiresGrad=true");
        }
        return sb.append(')').toString();
    }
}
