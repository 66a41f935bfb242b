package dev.metagrad.nn;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Arithmetic;
import dev.metagrad.autograd.ops.Normalization;
import dev.metagrad.autograd.ops.Reductions;

import java.util.function.Function;

/**
 * Batch normalisation over dim 1 (channels) of {@code [N, C, ...]} inputs
 * ({@code torch.nn.modules.batchnorm._BatchNorm}).
 *
 * <p>State, as torch: parameters {@code weight} (ones) and {@code bias} (zeros) when affine; buffers
 * {@code running_mean} (zeros), {@code running_var} (ones) and the int64 scalar {@code num_batches_tracked}
 * (0) when tracking running statistics. Defaults: eps 1e-5, momentum 0.1, affine, tracking.
 *
 * <p>Training mode normalises with the batch's mean and biased variance over every dim but 1 (in the
 * graph) and, when tracking, stores new statistics outside the graph:
 * {@code running_mean = (1 - m) running_mean + m mean},
 * {@code running_var = (1 - m) running_var + m var_unbiased} (variance with Bessel's n/(n-1)),
 * {@code num_batches_tracked += 1}, where m is the momentum, or {@code 1 / num_batches_tracked} (a
 * cumulative average) when the momentum is unset. Evaluation mode normalises with the running statistics
 * (batch statistics when not tracking). Since tensors are immutable, storing a statistic replaces the
 * buffer with a new detached tensor; in a {@link Functional} call the module keeps its buffers and the new
 * values are returned in {@link FunctionalResult#updatedBuffers()}.
 */
public abstract sealed class BatchNorm extends Module permits BatchNorm1d, BatchNorm2d {
    private final int numFeatures;
    private final double eps;
    // mutable like torch's module.momentum attribute: update_bn switches it to None for a cumulative average
    private Double momentum;
    private final boolean affine;
    private final boolean trackRunningStats;

    /**
     * Registers the state of a layer with the builder's settings.
     *
     * @throws IllegalArgumentException for a non-positive channel count, a negative eps or a momentum
     *                                  outside [0, 1]
     */
    BatchNorm(Builder<?> b) {
        String layer = getClass().getSimpleName();
        if (b.numFeatures <= 0) {
            throw new IllegalArgumentException(layer + ": numFeatures must be positive, got " + b.numFeatures);
        }
        if (!(b.eps >= 0) || Double.isInfinite(b.eps)) {
            throw new IllegalArgumentException(layer + ": eps must be finite and >= 0, got " + b.eps);
        }
        checkMomentum(layer, b.momentum);
        this.numFeatures = b.numFeatures;
        this.eps = b.eps;
        this.momentum = b.momentum;
        this.affine = b.affine;
        this.trackRunningStats = b.trackRunningStats;
        int[] shape = {numFeatures};
        if (affine) {
            registerParameter("weight", Tensor.ones(shape));
            registerParameter("bias", Tensor.zeros(shape));
        }
        if (trackRunningStats) {
            registerBuffer("running_mean", Tensor.zeros(shape));
            registerBuffer("running_var", Tensor.ones(shape));
            registerBuffer("num_batches_tracked", Tensor.ofLongs(new long[] {0}));
        }
    }

    /** Number of channels C. */
    public final int numFeatures() {
        return numFeatures;
    }

    /** Added to the variance before the square root. */
    public final double eps() {
        return eps;
    }

    /** The running-average momentum, or null for a cumulative average. */
    public final Double momentum() {
        return momentum;
    }

    /**
     * Changes the momentum used by later training passes (assigning torch's {@code module.momentum}); null
     * selects the cumulative average {@code 1 / num_batches_tracked}. {@code torch.optim.swa_utils.update_bn}
     * does this to recompute the statistics of an averaged model.
     *
     * @throws IllegalArgumentException for a momentum outside [0, 1] (NaN included); the momentum is then unchanged
     */
    public final void setMomentum(Double value) {
        checkMomentum(typeName(), value);
        this.momentum = value;
    }

    private static void checkMomentum(String layer, Double momentum) {
        if (momentum != null && !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(layer + ": momentum must be in [0, 1] or null, got " + momentum);
        }
    }

    /**
     * Resets the running statistics ({@code reset_running_stats()}): {@code running_mean} to zeros,
     * {@code running_var} to ones, {@code num_batches_tracked} to 0. Does nothing when the layer does not
     * track running statistics.
     */
    public final void resetRunningStats() {
        if (!trackRunningStats) {
            return;
        }
        setBuffer("running_mean", Tensor.zerosLike(buffer("running_mean")));
        setBuffer("running_var", Tensor.onesLike(buffer("running_var")));
        setBuffer("num_batches_tracked", Tensor.zerosLike(buffer("num_batches_tracked")));
    }

    /** Whether there are a learned weight and bias. */
    public final boolean isAffine() {
        return affine;
    }

    /** Whether running statistics are kept. */
    public final boolean tracksRunningStats() {
        return trackRunningStats;
    }

    /**
     * Checks the rank of the input, naming the layer.
     *
     * @throws IllegalArgumentException for a rank this layer does not take
     */
    abstract void checkRank(Tensor input);

    /**
     * {@code F.batch_norm}: batch statistics in training mode (or when not tracking), running statistics in
     * evaluation mode; see the class description for the running-statistic updates.
     *
     * @throws IllegalArgumentException for a wrong rank or channel count, or (training) a single value per channel
     */
    @Override
    protected final Tensor forward(Tensor input, Params params) {
        checkRank(input);
        if (input.shape()[1] != numFeatures) {
            throw new IllegalArgumentException(typeName() + ": expected " + numFeatures + " channels (dim 1) but the input "
                    + Shape.str(input.shape()) + " has " + input.shape()[1]);
        }
        Tensor weight = affine ? params.get("weight") : null;
        Tensor bias = affine ? params.get("bias") : null;
        if (!params.isTraining() && trackRunningStats) {
            return Normalization.batchNormEval(input, params.get("running_mean"), params.get("running_var"), weight, bias, eps);
        }
        Tensor output = Normalization.batchNorm(input, weight, bias, eps);
        if (params.isTraining() && trackRunningStats) {
            updateRunningStats(input, params);
        }
        return output;
    }

    private void updateRunningStats(Tensor input, Params params) {
        long batches = params.get("num_batches_tracked").toLongArray()[0] + 1;
        double m = momentum == null ? 1.0 / batches : momentum;
        int[] dims = new int[input.dim() - 1];
        for (int i = 1; i < dims.length; i++) {
            dims[i] = i + 1;
        }
        Tensor mean;
        Tensor var;
        // running statistics are bookkeeping outside the graph, as torch updates them in place under no_grad
        try (GradMode.Scope scope = GradMode.noGrad()) {
            Tensor x = input.detach();
            Tensor batchMean = Reductions.mean(x, dims, false);
            Tensor batchVar = Reductions.var(x, dims, true, false);
            mean = blend(params.get("running_mean").detach(), batchMean, m);
            var = blend(params.get("running_var").detach(), batchVar, m);
        }
        params.updateBuffer("running_mean", mean);
        params.updateBuffer("running_var", var);
        params.updateBuffer("num_batches_tracked", Tensor.ofLongs(new long[] {batches}));
    }

    /** {@code (1 - m) running + m batch}, torch's exponential moving average. */
    private static Tensor blend(Tensor running, Tensor batch, double m) {
        return Arithmetic.add(Arithmetic.mul(running, 1 - m), Arithmetic.mul(batch, m));
    }

    @Override
    protected final String extraRepr() {
        return numFeatures + ", eps=" + Repr.number(eps) + ", momentum=" + (momentum == null ? "None" : Repr.number(momentum))
                + ", affine=" + Repr.bool(affine) + ", track_running_stats=" + Repr.bool(trackRunningStats);
    }

    /**
     * Settings of a batch-norm layer, torch's defaults unless changed.
     *
     * @param <T> the layer built
     */
    public static final class Builder<T extends BatchNorm> {
        private final int numFeatures;
        private final Function<Builder<T>, T> factory;
        private double eps = 1e-5;
        private Double momentum = 0.1;
        private boolean affine = true;
        private boolean trackRunningStats = true;

        Builder(int numFeatures, Function<Builder<T>, T> factory) {
            this.numFeatures = numFeatures;
            this.factory = factory;
        }

        /** Added to the variance (default 1e-5). */
        public Builder<T> eps(double value) {
            this.eps = value;
            return this;
        }

        /** Weight of the newest batch in the running statistics, in [0, 1] (default 0.1). */
        public Builder<T> momentum(double value) {
            this.momentum = value;
            return this;
        }

        /** Running statistics as the plain average of all batches so far (torch's {@code momentum=None}). */
        public Builder<T> cumulativeMovingAverage() {
            this.momentum = null;
            return this;
        }

        /** Whether to learn a per-channel weight and bias (default true). */
        public Builder<T> affine(boolean value) {
            this.affine = value;
            return this;
        }

        /** Whether to keep running statistics for evaluation (default true). */
        public Builder<T> trackRunningStats(boolean value) {
            this.trackRunningStats = value;
            return this;
        }

        /**
         * The layer.
         *
         * @throws IllegalArgumentException for a non-positive channel count, a negative eps or a momentum
         *                                  outside [0, 1]
         */
        public T build() {
            return factory.apply(this);
        }
    }
}
