package dev.metagrad.optim.meta;

import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.RmsPropOptions;

/**
 * Differentiable RMSProp on a module's parameters: {@code torchopt.MetaRMSProp(module, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False, *, initial_scale=0.0, nesterov=False, maximize=False)}, i.e.
 * {@code MetaOptimizer(module, Alias.rmsprop(options))}; the update rule is {@link Alias#rmsprop}'s.
 * The options passed to the constructor are used exactly as given.
 */
public class MetaRMSProp extends MetaOptimizer {
    /**
     * An optimizer for {@code module} with {@code options}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#rmsprop}) or the module has
     *                                  no parameters
     */
    public MetaRMSProp(Module module, RmsPropOptions options) {
        super(module, Alias.rmsprop(options));
    }

    /** An optimizer with {@link #defaults()}. */
    public MetaRMSProp(Module module) {
        this(module, defaults());
    }

    /** TorchOpt's defaults for {@code MetaRMSProp}. */
    public static RmsPropOptions defaults() {
        return RmsPropOptions.defaults();
    }
}
