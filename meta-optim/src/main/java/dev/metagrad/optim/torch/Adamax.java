package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;

/**
 * {@code torch.optim.Adamax(params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
 * foreach=None, *, maximize=False, differentiable=False, capturable=False)}:
 * the {@link AdamaxAlgorithm} update applied to every parameter. Options use torch's names:
 * {@code new Adamax(params, Options.of("lr", 0.01, "betas", List.of(0.8, 0.99)))}.
 */
public class Adamax extends AlgorithmOptimizer {
    /** One group of {@code params} with torch's defaults. */
    public Adamax(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public Adamax(Iterable<Tensor> params, Options options) {
        super(new AdamaxAlgorithm(), params, options);
    }

    /**
     * Several param groups; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public Adamax(List<GroupSpec> groups, Options options) {
        super(new AdamaxAlgorithm(), groups, options);
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or a module without parameters
     */
    public Adamax(Module module, Options options) {
        super(new AdamaxAlgorithm(), module, options);
    }
}
