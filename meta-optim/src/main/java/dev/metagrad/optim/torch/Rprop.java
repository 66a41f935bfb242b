package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;

/**
 * {@code torch.optim.Rprop(params, lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50), *,
 * capturable=False, foreach=None, maximize=False, differentiable=False)}:
 * the {@link RpropAlgorithm} update applied to every parameter. Options use torch's names:
 * {@code new Rprop(params, Options.of("lr", 0.01, "etas", List.of(0.4, 1.3)))}.
 */
public class Rprop extends AlgorithmOptimizer {
    /** One group of {@code params} with torch's defaults. */
    public Rprop(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public Rprop(Iterable<Tensor> params, Options options) {
        super(new RpropAlgorithm(), params, options);
    }

    /**
     * Several param groups; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public Rprop(List<GroupSpec> groups, Options options) {
        super(new RpropAlgorithm(), groups, options);
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or a module without parameters
     */
    public Rprop(Module module, Options options) {
        super(new RpropAlgorithm(), module, options);
    }
}
