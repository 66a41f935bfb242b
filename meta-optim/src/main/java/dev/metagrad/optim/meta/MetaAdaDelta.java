package dev.metagrad.optim.meta;

import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.AdadeltaOptions;

/**
 * Differentiable AdaDelta on a module's parameters: {@code torchopt.MetaAdaDelta(module, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0, *, moment_requires_grad=True)}, i.e.
 * {@code MetaOptimizer(module, Alias.adadelta(options))}; the update rule is {@link Alias#adadelta}'s.
 * Unlike the functional {@code adadelta}, TorchOpt's Meta class defaults {@code moment_requires_grad} to true; {@link #defaults()} returns options with the Meta class's defaults (they differ from the functional ones). The options passed to the constructor are used exactly as given.
 */
public class MetaAdaDelta extends MetaOptimizer {
    /**
     * An optimizer for {@code module} with {@code options}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adadelta}) or the module has
     *                                  no parameters
     */
    public MetaAdaDelta(Module module, AdadeltaOptions options) {
        super(module, Alias.adadelta(options));
    }

    /** An optimizer with {@link #defaults()}. */
    public MetaAdaDelta(Module module) {
        this(module, defaults());
    }

    /** TorchOpt's defaults for {@code MetaAdaDelta}. */
    public static AdadeltaOptions defaults() {
        return AdadeltaOptions.defaults().lr(1.0).momentRequiresGrad(true);
    }
}
