package dev.metagrad.optim.meta;

import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.SgdOptions;

/**
 * Differentiable SGD on a module's parameters: {@code torchopt.MetaSGD(module, lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False, moment_requires_grad=True, maximize=False)}, i.e.
 * {@code MetaOptimizer(module, Alias.sgd(options))}; the update rule is {@link Alias#sgd}'s.
 * Unlike the functional {@code sgd}, TorchOpt's Meta class defaults {@code moment_requires_grad} to true; {@link #defaults()} returns options with that default. Note that the learning rate still has to be set: TorchOpt's MetaSGD has no default lr. The options passed to the constructor are used exactly as given.
 */
public class MetaSGD extends MetaOptimizer {
    /**
     * An optimizer for {@code module} with {@code options}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#sgd}) or the module has
     *                                  no parameters
     */
    public MetaSGD(Module module, SgdOptions options) {
        super(module, Alias.sgd(options));
    }

    /** TorchOpt's defaults for {@code MetaSGD}. */
    public static SgdOptions defaults() {
        return SgdOptions.defaults().momentRequiresGrad(true);
    }
}
