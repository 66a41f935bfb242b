package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;

/**
 * {@code torch.optim.NAdam(params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
 * momentum_decay=4e-3, decoupled_weight_decay=False, *, foreach=None, maximize=False, capturable=False,
 * differentiable=False)}:
 * the {@link NAdamAlgorithm} update applied to every parameter. Options use torch's names:
 * {@code new NAdam(params, Options.of("lr", 0.01, "momentum_decay", 0.01))}.
 */
public class NAdam extends AlgorithmOptimizer {
    /** One group of {@code params} with torch's defaults. */
    public NAdam(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public NAdam(Iterable<Tensor> params, Options options) {
        super(new NAdamAlgorithm(), params, options);
    }

    /**
     * Several param groups; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public NAdam(List<GroupSpec> groups, Options options) {
        super(new NAdamAlgorithm(), groups, options);
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or a module without parameters
     */
    public NAdam(Module module, Options options) {
        super(new NAdamAlgorithm(), module, options);
    }
}
