package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;

/**
 * {@code torch.optim.SGD(params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
 * maximize=False, foreach=None, differentiable=False, fused=None)}: the {@link SgdAlgorithm} update applied to
 * every parameter. Options use torch's names: {@code new SGD(params, Options.of("lr", 0.1, "momentum", 0.9))}.
 */
public class SGD extends AlgorithmOptimizer {
    /** One group of {@code params} with torch's defaults. */
    public SGD(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public SGD(Iterable<Tensor> params, Options options) {
        super(new SgdAlgorithm(), params, options);
    }

    /**
     * Several param groups; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public SGD(List<GroupSpec> groups, Options options) {
        super(new SgdAlgorithm(), groups, options);
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or a module without parameters
     */
    public SGD(Module module, Options options) {
        super(new SgdAlgorithm(), module, options);
    }
}
