package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.List;

/**
 * {@code torch.optim.ASGD(params, lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0,
 * foreach=None, maximize=False, differentiable=False, capturable=False)}:
 * the {@link ASGDAlgorithm} update applied to every parameter. Options use torch's names:
 * {@code new ASGD(params, Options.of("lr", 0.05, "t0", 100.0))}.
 *
 * <p>The averaged parameters are {@code state(p).get("ax")}; they never feed back into the update.
 */
public class ASGD extends AlgorithmOptimizer {
    /** One group of {@code params} with torch's defaults. */
    public ASGD(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public ASGD(Iterable<Tensor> params, Options options) {
        super(new ASGDAlgorithm(), params, options);
    }

    /**
     * Several param groups; {@code options} are the defaults of every group.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or bad parameters
     */
    public ASGD(List<GroupSpec> groups, Options options) {
        super(new ASGDAlgorithm(), groups, options);
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option, or a module without parameters
     */
    public ASGD(Module module, Options options) {
        super(new ASGDAlgorithm(), module, options);
    }
}
