package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;

/**
 * {@code torch.optim.Adagrad(params, lr=1e-2, lr_decay=0, weight_decay=0,
 * initial_accumulator_value=0, eps=1e-10, foreach=None, *, maximize=False, differentiable=False, fused=None)}:
 * the {@link AdagradAlgorithm} update applied to every parameter. Options use torch's names:
 * {@code new Adagrad(params, Options.of("lr", 0.1, "lr_decay", 0.01))}.
 *
 * <p>The state ({@code step = 0}, {@code sum = initial_accumulator_value}) exists from construction on, filled
 * with the constructor's {@code initial_accumulator_value} even in a group that overrides it, as in torch 2.13.
 */
public class Adagrad extends AlgorithmOptimizer {
    /** One group of {@code params} with torch's defaults. */
    public Adagrad(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public Adagrad(Iterable<Tensor> params, Options options) {
        super(new AdagradAlgorithm(), params, options);
    }

    /**
     * Several param groups; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public Adagrad(List<GroupSpec> groups, Options options) {
        super(new AdagradAlgorithm(), groups, options);
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or a module without parameters
     */
    public Adagrad(Module module, Options options) {
        super(new AdagradAlgorithm(), module, options);
    }
}
