package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;

/**
 * {@code torch.optim.RAdam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
 * decoupled_weight_decay=False, *, foreach=None, maximize=False, capturable=False, differentiable=False)}:
 * the {@link RAdamAlgorithm} update applied to every parameter. Options use torch's names:
 * {@code new RAdam(params, Options.of("lr", 0.01, "weight_decay", 0.1, "decoupled_weight_decay", true))}.
 */
public class RAdam extends AlgorithmOptimizer {
    /** One group of {@code params} with torch's defaults. */
    public RAdam(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public RAdam(Iterable<Tensor> params, Options options) {
        super(new RAdamAlgorithm(), params, options);
    }

    /**
     * Several param groups; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public RAdam(List<GroupSpec> groups, Options options) {
        super(new RAdamAlgorithm(), groups, options);
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or a module without parameters
     */
    public RAdam(Module module, Options options) {
        super(new RAdamAlgorithm(), module, options);
    }
}
