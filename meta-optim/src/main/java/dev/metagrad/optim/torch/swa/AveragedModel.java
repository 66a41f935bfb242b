package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.nn.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A running average of a model's weights ({@code torch.optim.swa_utils.AveragedModel}): Stochastic Weight
 * Averaging (an equal average, the default) or an exponential moving average (with
 * {@link AveragingFunctions#emaMultiAvgFn(double)}).
 *
 * <p>The averaged model is a module with a copy of the model as its submodule {@code module} and the int64
 * buffer {@code n_averaged} (0 at first), so its {@link #stateDict()} has torch's keys ({@code module.0.weight},
 * ..., {@code n_averaged}) and {@link #forward(Tensor)} runs the copy. torch deep-copies the model; Java cannot
 * copy an arbitrary object graph, so the constructor takes a factory that builds a new module of the same
 * architecture, checks that it matches and gives it the model's parameters, buffers, training flags and
 * batch-norm momenta:
 * <pre>{@code
 * AveragedModel<Sequential> swa = new AveragedModel<>(model, () -> buildModel());
 * AveragedModel<Sequential> ema = AveragedModel.builder(model, () -> buildModel())
 *         .multiAvgFn(AveragingFunctions.emaMultiAvgFn(0.999)).build();
 * ...
 * optimizer.step();
 * swa.updateParameters(model);
 * ...
 * BatchNormUpdate.updateBn(loader, swa);
 * }</pre>
 *
 * <p>{@link #updateParameters(Module)} with n = {@link #nAveraged()}: when n = 0 the averages become copies of
 * the model's values (for every rule, EMA included); otherwise the rule ({@code a + (p - a) / (n + 1)} by
 * default, or the given {@link AvgFn} / {@link MultiAvgFn}) is applied with this n. Then n increases by one.
 * The averaged values are the parameters and, with {@code useBuffers}, the buffers too; without it the copy's
 * buffers are simply set to the model's. Integer buffers that are averaged are computed in float64 and
 * truncated back, as torch's in-place copy does.
 *
 * <p>Not thread-safe. A failed update leaves the averaged model unchanged.
 *
 * @param <M> the type of the averaged model
 */
public final class AveragedModel<M extends Module> extends Module {
    private static final String OWNER = "AveragedModel";
    private static final String COUNT = "n_averaged";

    private final M module;
    private final Averager averager;
    private final boolean useBuffers;

    /**
     * An SWA (equal) average of {@code model}, starting from a copy of its current state.
     *
     * @param architecture builds a new module with the architecture of {@code model} (its values are replaced)
     * @throws IllegalArgumentException when the factory does not build a new module of the same architecture
     */
    public AveragedModel(M model, Supplier<? extends M> architecture) {
        this(builder(model, architecture));
    }

    private AveragedModel(Builder<M> b) {
        this.averager = Averager.of(OWNER, b.avgFn, b.multiAvgFn);
        this.useBuffers = b.useBuffers;
        this.module = registerModule("module", ModuleCopy.deepCopy(OWNER, b.model, b.architecture));
        registerBuffer(COUNT, Tensor.ofLongs(new long[] {0}));
    }

    /**
     * Settings for an average of {@code model}: the averaging rule and whether buffers are averaged.
     *
     * @param architecture builds a new module with the architecture of {@code model}
     */
    public static <M extends Module> Builder<M> builder(M model, Supplier<? extends M> architecture) {
        return new Builder<>(model, architecture);
    }

    /** The averaged copy of the model ({@code averaged_model.module}). */
    public M module() {
        return module;
    }

    /** How many models the average holds ({@code n_averaged}); restored by {@link #loadStateDict}. */
    public long nAveraged() {
        return buffer(COUNT).toLongArray()[0];
    }

    /** Whether buffers are averaged like parameters ({@code use_buffers}). */
    public boolean usesBuffers() {
        return useBuffers;
    }

    /**
     * Adds {@code model}'s current weights to the average ({@code update_parameters(model)}); see the class
     * description. Parameters (and buffers) are matched by position, as torch's {@code zip} does, and must have
     * the shapes of the averaged ones; values are cast to the averaged dtypes.
     *
     * @throws IllegalArgumentException when the model's parameters or buffers do not match in number or shape, or a
     *                                  custom rule returns a wrong result; nothing changes then
     */
    public void updateParameters(Module model) {
        Objects.requireNonNull(model, "model");
        Map<String, Tensor> ownParams = module.namedParameters();
        Map<String, Tensor> ownBuffers = module.namedBuffers();
        List<String> names = new ArrayList<>(ownParams.keySet());
        List<Tensor> averaged = new ArrayList<>(ownParams.values());
        List<Tensor> current = model.parameters();
        if (useBuffers) {
            names.addAll(ownBuffers.keySet());
            averaged.addAll(ownBuffers.values());
            current.addAll(model.buffers());
            Averager.checkMatching(OWNER, "parameters and buffers", names, averaged, current);
        } else {
            Averager.checkMatching(OWNER, "parameters", names, averaged, current);
            Averager.checkMatching(OWNER, "buffers", new ArrayList<>(ownBuffers.keySet()),
                    new ArrayList<>(ownBuffers.values()), model.buffers());
        }
        long n = nAveraged();
        List<Tensor> next = averager.update(OWNER, averaged, current, n);

        // everything that can fail has run: store
        int i = 0;
        for (Map.Entry<String, Tensor> p : ownParams.entrySet()) {
            module.setParameter(p.getKey(), next.get(i++).requiresGrad(p.getValue().requiresGrad()));
        }
        List<Tensor> modelBuffers = useBuffers ? null : model.buffers();
        int j = 0;
        for (Map.Entry<String, Tensor> b : ownBuffers.entrySet()) {
            Tensor value = useBuffers ? next.get(i++) : modelBuffers.get(j++).detach().to(b.getValue().dtype());
            module.setBuffer(b.getKey(), value);
        }
        setBuffer(COUNT, Tensor.ofLongs(new long[] {n + 1}));
    }

    /** Runs the averaged copy ({@code averaged_model(x)}). */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return params.forward("module", input);
    }

    /**
     * Settings of an {@link AveragedModel}: SWA unless one averaging function is set; parameters only unless
     * {@link #useBuffers(boolean)}.
     *
     * @param <M> the type of the averaged model
     */
    public static final class Builder<M extends Module> {
        private final M model;
        private final Supplier<? extends M> architecture;
        private AvgFn avgFn;
        private MultiAvgFn multiAvgFn;
        private boolean useBuffers;

        private Builder(M model, Supplier<? extends M> architecture) {
            this.model = model;
            this.architecture = architecture;
        }

        /** A per-tensor rule ({@code avg_fn}), e.g. {@link AveragingFunctions#emaAvgFn(double)}. */
        public Builder<M> avgFn(AvgFn value) {
            this.avgFn = value;
            return this;
        }

        /** A rule over all tensors of a dtype ({@code multi_avg_fn}), e.g. {@link AveragingFunctions#emaMultiAvgFn(double)}. */
        public Builder<M> multiAvgFn(MultiAvgFn value) {
            this.multiAvgFn = value;
            return this;
        }

        /** Whether buffers (running statistics) are averaged too ({@code use_buffers}, default false). */
        public Builder<M> useBuffers(boolean value) {
            this.useBuffers = value;
            return this;
        }

        /**
         * The averaged model, a copy of the model's current state with n_averaged = 0.
         *
         * @throws IllegalArgumentException when both an avgFn and a multiAvgFn were set, or the architecture factory
         *                                  does not build a new module of the same architecture
         */
        public AveragedModel<M> build() {
            return new AveragedModel<>(this);
        }
    }
}
