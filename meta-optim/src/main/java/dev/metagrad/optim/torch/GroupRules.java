package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.Map;

/**
 * What an {@link Optimizer} asks of its algorithm about a param group: whether its resolved options are
 * valid, and the per-parameter state to create when the group is added. {@link Algorithm} extends it; an
 * optimizer that is not one per-parameter algorithm (LBFGS, {@code OptimizerStub}) passes its own rules to
 * the {@link Optimizer} constructor. Implementations must not depend on the state of the optimizer being
 * built: they are called from its constructor.
 */
@FunctionalInterface
public interface GroupRules {
    /** Accepts every group and creates no state. */
    GroupRules NONE = group -> { };

    /**
     * Checks one resolved group (every option present) the way torch's constructor does.
     *
     * @throws IllegalArgumentException naming the invalid option and value, e.g.
     *                                  {@code "Invalid learning rate: -1.0"}
     */
    void validate(Options group);

    /**
     * The state created for {@code p} when its group is added (torch creates Adagrad's {@code sum} and
     * {@code step} in the constructor), or an empty map when state is created lazily on the first step.
     *
     * @param p        the parameter
     * @param group    the resolved options of its group
     * @param defaults the optimizer's defaults (Adagrad reads {@code initial_accumulator_value} from them,
     *                 not from the group, as torch does)
     */
    default Map<String, Object> initialState(Tensor p, Options group, Options defaults) {
        return Map.of();
    }

    /**
     * Checks state about to be loaded for {@code p} by {@link Optimizer#loadStateDict}; the default accepts
     * everything. {@link Algorithm} has a stricter default.
     *
     * @param p     the parameter the state belongs to
     * @param state the state to load
     * @param group the options of p's group as they will be after loading
     * @throws IllegalArgumentException describing the problem
     */
    default void validateState(Tensor p, Map<String, Object> state, Options group) {
    }
}
