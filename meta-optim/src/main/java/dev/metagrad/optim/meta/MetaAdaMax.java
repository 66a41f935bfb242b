package dev.metagrad.optim.meta;

import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.AdamaxOptions;

/**
 * Differentiable AdaMax on a module's parameters: {@code torchopt.MetaAdaMax(module, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, *, moment_requires_grad=True)}, i.e.
 * {@code MetaOptimizer(module, Alias.adamax(options))}; the update rule is {@link Alias#adamax}'s.
 * Unlike the functional {@code adamax}, TorchOpt's Meta class defaults {@code moment_requires_grad} to true; {@link #defaults()} returns options with the Meta class's defaults (they differ from the functional ones). The options passed to the constructor are used exactly as given.
 */
public class MetaAdaMax extends MetaOptimizer {
    /**
     * An optimizer for {@code module} with {@code options}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adamax}) or the module has
     *                                  no parameters
     */
    public MetaAdaMax(Module module, AdamaxOptions options) {
        super(module, Alias.adamax(options));
    }

    /** An optimizer with {@link #defaults()}. */
    public MetaAdaMax(Module module) {
        this(module, defaults());
    }

    /** TorchOpt's defaults for {@code MetaAdaMax}. */
    public static AdamaxOptions defaults() {
        return AdamaxOptions.defaults().lr(2e-3).eps(1e-8).momentRequiresGrad(true);
    }
}
