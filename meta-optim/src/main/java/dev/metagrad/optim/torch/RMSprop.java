package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;

/**
 * {@code torch.optim.RMSprop(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0,
 * momentum=0, centered=False, capturable=False, foreach=None, maximize=False, differentiable=False)}:
 * the {@link RMSpropAlgorithm} update applied to every parameter. Options use torch's names:
 * {@code new RMSprop(params, Options.of("lr", 0.01, "momentum", 0.9, "centered", true))}.
 */
public class RMSprop extends AlgorithmOptimizer {
    /** One group of {@code params} with torch's defaults. */
    public RMSprop(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public RMSprop(Iterable<Tensor> params, Options options) {
        super(new RMSpropAlgorithm(), params, options);
    }

    /**
     * Several param groups; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public RMSprop(List<GroupSpec> groups, Options options) {
        super(new RMSpropAlgorithm(), groups, options);
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or a module without parameters
     */
    public RMSprop(Module module, Options options) {
        super(new RMSpropAlgorithm(), module, options);
    }
}
