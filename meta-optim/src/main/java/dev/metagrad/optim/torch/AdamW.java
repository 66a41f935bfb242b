package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;

/**
 * {@code torch.optim.AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
 * maximize=False, foreach=None, capturable=False, differentiable=False, fused=None)}: Adam with decoupled weight
 * decay {@code p *= 1 - lr * weight_decay} before the update ({@link AdamAlgorithm#adamW()}).
 */
public class AdamW extends AlgorithmOptimizer {
    /** One group of {@code params} with torch's defaults. */
    public AdamW(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public AdamW(Iterable<Tensor> params, Options options) {
        super(AdamAlgorithm.adamW(), params, options);
    }

    /**
     * Several param groups; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public AdamW(List<GroupSpec> groups, Options options) {
        super(AdamAlgorithm.adamW(), groups, options);
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or a module without parameters
     */
    public AdamW(Module module, Options options) {
        super(AdamAlgorithm.adamW(), module, options);
    }
}
