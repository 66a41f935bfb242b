package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;

/**
 * {@code torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
 * foreach=None, maximize=False, capturable=False, differentiable=False, fused=None, decoupled_weight_decay=False)}:
 * the {@link AdamAlgorithm} update applied to every parameter. Options use torch's names:
 * {@code new Adam(params, Options.of("lr", 0.01, "amsgrad", true))}.
 */
public class Adam extends AlgorithmOptimizer {
    /** One group of {@code params} with torch's defaults. */
    public Adam(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public Adam(Iterable<Tensor> params, Options options) {
        super(AdamAlgorithm.adam(), params, options);
    }

    /**
     * Several param groups; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public Adam(List<GroupSpec> groups, Options options) {
        super(AdamAlgorithm.adam(), groups, options);
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or a module without parameters
     */
    public Adam(Module module, Options options) {
        super(AdamAlgorithm.adam(), module, options);
    }
}
