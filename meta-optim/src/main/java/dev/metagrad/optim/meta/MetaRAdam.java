package dev.metagrad.optim.meta;

import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.RAdamOptions;

/**
 * Differentiable RAdam on a module's parameters: {@code torchopt.MetaRAdam(module, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, *, moment_requires_grad=True)}, i.e.
 * {@code MetaOptimizer(module, Alias.radam(options))}; the update rule is {@link Alias#radam}'s.
 * Unlike the functional {@code radam}, TorchOpt's Meta class defaults {@code moment_requires_grad} to true; {@link #defaults()} returns options with the Meta class's defaults (they differ from the functional ones). The options passed to the constructor are used exactly as given.
 */
public class MetaRAdam extends MetaOptimizer {
    /**
     * An optimizer for {@code module} with {@code options}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#radam}) or the module has
     *                                  no parameters
     */
    public MetaRAdam(Module module, RAdamOptions options) {
        super(module, Alias.radam(options));
    }

    /** An optimizer with {@link #defaults()}. */
    public MetaRAdam(Module module) {
        this(module, defaults());
    }

    /** TorchOpt's defaults for {@code MetaRAdam}. */
    public static RAdamOptions defaults() {
        return RAdamOptions.defaults().eps(1e-8).momentRequiresGrad(true);
    }
}
