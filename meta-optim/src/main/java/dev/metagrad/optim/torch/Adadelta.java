package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;

/**
 * {@code torch.optim.Adadelta(params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0,
 * foreach=None, *, capturable=False, maximize=False, differentiable=False)}:
 * the {@link AdadeltaAlgorithm} update applied to every parameter. Options use torch's names:
 * {@code new Adadelta(params, Options.of("rho", 0.95))}.
 */
public class Adadelta extends AlgorithmOptimizer {
    /** One group of {@code params} with torch's defaults. */
    public Adadelta(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public Adadelta(Iterable<Tensor> params, Options options) {
        super(new AdadeltaAlgorithm(), params, options);
    }

    /**
     * Several param groups; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public Adadelta(List<GroupSpec> groups, Options options) {
        super(new AdadeltaAlgorithm(), groups, options);
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or a module without parameters
     */
    public Adadelta(Module module, Options options) {
        super(new AdadeltaAlgorithm(), module, options);
    }
}
