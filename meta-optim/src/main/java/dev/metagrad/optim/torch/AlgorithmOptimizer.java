package dev.metagrad.optim.torch;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An {@link Optimizer} that applies one per-parameter {@link Algorithm} to every parameter of every group, in
 * order: the shape of torch's single-tensor optimizers (SGD, Adam, ...). A step is
 * <pre>
 *   loss = closure()                      (when given, with grad enabled)
 *   for each group, for each p with p.grad != null:
 *       (p', state') = algorithm.step(p, p.grad, state[p], group.options)    (without recording a graph)
 *   store every p' and state' only when all succeeded
 * </pre>
 *
 * <p>The constructor options are checked against {@link Algorithm#defaults()} (an unknown key is an error listing
 * the valid ones) and become this optimizer's defaults. {@code differentiable = true} is rejected: this step
 * never records a graph; use {@link TorchTransforms#of} with a {@code MetaOptimizer} to differentiate through
 * updates. {@code foreach}, {@code fused} and {@code capturable} select torch implementations that differ only
 * in rounding; they are accepted, kept in the param groups, and do not change the arithmetic here.
 */
public class AlgorithmOptimizer extends Optimizer {
    private final Algorithm algorithm;

    /**
     * One group of {@code params} with {@code options} over the algorithm's defaults.
     *
     * @throws IllegalArgumentException for an unknown or invalid option or bad parameters (see {@link #addParamGroup})
     */
    public AlgorithmOptimizer(Algorithm algorithm, Iterable<Tensor> params, Options options) {
        super(params, resolveDefaults(algorithm, options), rules(algorithm));
        this.algorithm = algorithm;
    }

    /**
     * Several groups; {@code options} over the algorithm's defaults are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option or bad parameters (see {@link #addParamGroup})
     */
    public AlgorithmOptimizer(Algorithm algorithm, List<GroupSpec> groups, Options options) {
        super(groups, resolveDefaults(algorithm, options), rules(algorithm));
        this.algorithm = algorithm;
    }

    /**
     * One group of {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option or a module without parameters
     */
    public AlgorithmOptimizer(Algorithm algorithm, Module module, Options options) {
        super(module, resolveDefaults(algorithm, options), rules(algorithm));
        this.algorithm = algorithm;
    }

    /** The algorithm this optimizer applies. */
    public final Algorithm algorithm() {
        return algorithm;
    }

    @Override
    protected String name() {
        // the generic class reports the algorithm's torch name, a subclass (SGD, Adam) its own
        return getClass() == AlgorithmOptimizer.class && algorithm != null ? algorithm.name() : super.name();
    }

    /**
     * The algorithm's defaults overridden by {@code options}.
     *
     * @throws IllegalArgumentException when {@code options} has a key the algorithm does not know (listing the valid ones)
     */
    static Options resolveDefaults(Algorithm algorithm, Options options) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(options, "options");
        Options defaults = algorithm.defaults();
        for (String key : options.keys()) {
            if (!defaults.has(key)) {
                throw new IllegalArgumentException(algorithm.name() + ": unknown option \"" + key + "\"; valid options are "
                        + defaults.keys());
            }
        }
        return defaults.withAll(options);
    }

    private static GroupRules rules(Algorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        return new GroupRules() {
            @Override
            public void validate(Options group) {
                algorithm.validate(group);
                if (group.has("differentiable") && Boolean.TRUE.equals(group.get("differentiable"))) {
                    throw new IllegalArgumentException(algorithm.name() + ": differentiable=true is not supported by the "
                            + "classic optimizer, whose step records no graph; use TorchTransforms.of(algorithm, options) "
                            + "with a MetaOptimizer to differentiate through the updates");
                }
            }

            @Override
            public Map<String, Object> initialState(Tensor p, Options group, Options defaults) {
                return algorithm.initialState(p, group, defaults);
            }

            @Override
            public void validateState(Tensor p, Map<String, Object> state, Options group) {
                algorithm.validateState(p, state, group);
            }
        };
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        Tensor loss = closure == null ? null : evaluateClosure(closure);
        Map<ParamSlot, Tensor> newParams = new IdentityHashMap<>();
        Map<ParamSlot, Map<String, Object>> newStates = new LinkedHashMap<>();
        try (GradMode.Scope scope = GradMode.noGrad()) {
            for (ParamGroup group : paramGroups()) {
                Options options = group.options();
                for (ParamSlot slot : group.slots()) {
                    Tensor p = slot.get();
                    Tensor g = p.grad();
                    if (g == null) {
                        continue;
                    }
                    ParamStep r = algorithm.step(p.detach(), g.detach(), stateOf(slot), options);
                    newParams.put(slot, StateValues.nextLeaf(p, r.param(), name() + ".step"));
                    newStates.put(slot, StateValues.copyState(r.state(), name() + ".step"));
                }
            }
        }
        commit(newParams, newStates);
        return loss;
    }
}
