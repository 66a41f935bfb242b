package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An optimizer for trainers that update weights without gradients (evolution strategies, Hebbian rules): mighty's
 * {@code OptimizerStub}. It has the whole {@link Optimizer} API (param groups, hooks, state dicts, save/load), but
 * {@link #step(Supplier)} never touches the parameters: it runs the step hooks and the closure, if one is given, and
 * returns its loss. The trainer updates the weights itself, through its module or with {@link #setParameter}, and
 * may keep its own per-parameter state here with {@link #putState} so that it is saved and restored with the
 * optimizer's state dict.
 *
 * <p>Options are whatever the trainer passes (for example an {@code lr} that an LR scheduler anneals); an {@code lr},
 * when present, must be a non-negative number. State dicts round-trip: any state loaded is kept as is.
 */
public class OptimizerStub extends Optimizer {
    private static final GroupRules RULES = group -> {
        if (group.has("lr")) {
            OptionChecks.learningRate(group);
        }
    };

    /** One group of {@code params} without options. */
    public OptimizerStub(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for bad parameters or a negative {@code lr}
     */
    public OptimizerStub(Iterable<Tensor> params, Options options) {
        super(params, Objects.requireNonNull(options, "options"), RULES);
    }

    /**
     * Several groups; {@code options} are the defaults of every group (a group may override only those keys).
     *
     * @throws IllegalArgumentException for bad parameters, an unknown override or a negative {@code lr}
     */
    public OptimizerStub(List<GroupSpec> groups, Options options) {
        super(groups, Objects.requireNonNull(options, "options"), RULES);
    }

    /**
     * {@code module}'s parameters as one group.
     *
     * @throws IllegalArgumentException when the module has no parameters, or for a negative {@code lr}
     */
    public OptimizerStub(Module module, Options options) {
        super(module, Objects.requireNonNull(options, "options"), RULES);
    }

    /** Runs the closure, if any, with grad enabled and returns its loss; parameters and state are untouched. */
    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        return closure == null ? null : evaluateClosure(closure);
    }

    /**
     * Stores a new value of the parameter with state-dict index {@code index}, the way a gradient-free trainer
     * updates it: a new leaf with {@code value}'s values, the parameter's requiresGrad flag and its gradient (for a
     * module group the module sees it at once).
     *
     * @throws IndexOutOfBoundsException when there is no such parameter
     * @throws IllegalArgumentException  when shape or dtype differ
     */
    public final void setParameter(int index, Tensor value) {
        setParam(index, Objects.requireNonNull(value, "value"));
    }

    /**
     * Replaces the trainer's state for the parameter with state-dict index {@code index} (an empty map clears it).
     *
     * @throws IndexOutOfBoundsException when there is no such parameter
     * @throws IllegalArgumentException  when a value is not a tensor, number, boolean, string, null or list of these
     */
    public final void putState(int index, Map<String, Object> state) {
        setState(index, Objects.requireNonNull(state, "state"));
    }
}
