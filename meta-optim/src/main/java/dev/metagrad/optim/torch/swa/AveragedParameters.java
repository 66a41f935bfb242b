package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A running average of a list of tensors: torch's {@code AveragedModel} over a model that is just a list of
 * parameters, without the module around it (use {@link AveragedModel} for a {@link dev.metagrad.nn.Module}).
 *
 * <p>The average starts as a detached copy of the given tensors and counts 0 models. With n the count,
 * {@link #updateParameters(List)} makes the average a copy of the snapshot when n = 0 (for every rule, EMA
 * included) and otherwise applies the rule with this n; then n increases by one. The rule is the SWA equal
 * average {@code a + (p - a) / (n + 1)} unless an {@link AvgFn} or a {@link MultiAvgFn} is given
 * ({@link AveragingFunctions} has the EMA ones):
 * <pre>{@code
 * AveragedParameters ema = AveragedParameters.builder(params)
 *         .multiAvgFn(AveragingFunctions.emaMultiAvgFn(0.999)).build();
 * for (...) { optimizer.step(); ema.updateParameters(optimizer.params()); }
 * List<Tensor> smoothed = ema.averaged();
 * }</pre>
 *
 * <p>Not thread-safe. A failed update leaves the average and the count unchanged.
 */
public final class AveragedParameters {
    private static final String OWNER = "AveragedParameters";

    private final Averager averager;
    private List<Tensor> averaged;
    private long nAveraged;

    private AveragedParameters(List<Tensor> initial, Averager averager) {
        this.averager = averager;
        this.averaged = List.copyOf(initial);
    }

    /**
     * An equal (SWA) average of {@code parameters}.
     *
     * @throws IllegalArgumentException when the list or one of its tensors is null
     */
    public AveragedParameters(List<Tensor> parameters) {
        this(detachedCopy(parameters), Averager.of(OWNER, null, null));
    }

    /** Settings for an average of {@code parameters}, to choose the averaging rule. */
    public static Builder builder(List<Tensor> parameters) {
        return new Builder(parameters);
    }

    private static List<Tensor> detachedCopy(List<Tensor> parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException(OWNER + ": parameters is null");
        }
        List<Tensor> out = new ArrayList<>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            Tensor p = parameters.get(i);
            if (p == null) {
                throw new IllegalArgumentException(OWNER + ": parameters[" + i + "] is null");
            }
            out.add(p.detach());
        }
        return out;
    }

    /**
     * Adds one snapshot to the average ({@code update_parameters(model)}): a copy of it when nothing was averaged
     * yet, else the averaging rule; the snapshot is cast to the average's dtypes.
     *
     * @param current the model's values, as many as the average has and with the same shapes
     * @throws IllegalArgumentException on a count or shape mismatch, or when a custom rule returns a wrong result;
     *                                  nothing changes then
     */
    public void updateParameters(List<Tensor> current) {
        Objects.requireNonNull(current, "current");
        Averager.checkMatching(OWNER, "tensors", null, averaged, current);
        averaged = List.copyOf(averager.update(OWNER, averaged, current, nAveraged));
        nAveraged++;
    }

    /** The current averages, detached, in the order of the parameters (an unmodifiable list). */
    public List<Tensor> averaged() {
        return averaged;
    }

    /** How many snapshots the average holds ({@code n_averaged}). */
    public long nAveraged() {
        return nAveraged;
    }

    /** The averaging rule of an {@link AveragedParameters}: SWA unless one function is set. */
    public static final class Builder {
        private final List<Tensor> parameters;
        private AvgFn avgFn;
        private MultiAvgFn multiAvgFn;

        private Builder(List<Tensor> parameters) {
            this.parameters = parameters;
        }

        /** A per-tensor rule ({@code avg_fn}), e.g. {@link AveragingFunctions#emaAvgFn(double)}. */
        public Builder avgFn(AvgFn value) {
            this.avgFn = value;
            return this;
        }

        /** A rule over all tensors of a dtype ({@code multi_avg_fn}), e.g. {@link AveragingFunctions#emaMultiAvgFn(double)}. */
        public Builder multiAvgFn(MultiAvgFn value) {
            this.multiAvgFn = value;
            return this;
        }

        /**
         * The average, holding detached copies of the parameters and a count of 0.
         *
         * @throws IllegalArgumentException when both an avgFn and a multiAvgFn were set, or a parameter is null
         */
        public AveragedParameters build() {
            Averager averager = Averager.of(OWNER, avgFn, multiAvgFn);
            return new AveragedParameters(detachedCopy(parameters), averager);
        }
    }
}
