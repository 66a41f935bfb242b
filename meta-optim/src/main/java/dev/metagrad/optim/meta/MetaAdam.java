package dev.metagrad.optim.meta;

import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.AdamOptions;

/**
 * Differentiable Adam on a module's parameters: {@code torchopt.MetaAdam(module, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, *, eps_root=0.0, moment_requires_grad=True, maximize=False, use_accelerated_op=False)}, i.e.
 * {@code MetaOptimizer(module, Alias.adam(options))}; the update rule is {@link Alias#adam}'s.
 * Unlike the functional {@code adam}, TorchOpt's Meta class defaults {@code moment_requires_grad} to true; {@link #defaults()} returns options with that default. The options passed to the constructor are used exactly as given.
 */
public class MetaAdam extends MetaOptimizer {
    /**
     * An optimizer for {@code module} with {@code options}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adam}) or the module has
     *                                  no parameters
     */
    public MetaAdam(Module module, AdamOptions options) {
        super(module, Alias.adam(options));
    }

    /** An optimizer with {@link #defaults()}. */
    public MetaAdam(Module module) {
        this(module, defaults());
    }

    /** TorchOpt's defaults for {@code MetaAdam}. */
    public static AdamOptions defaults() {
        return AdamOptions.defaults().momentRequiresGrad(true);
    }
}
