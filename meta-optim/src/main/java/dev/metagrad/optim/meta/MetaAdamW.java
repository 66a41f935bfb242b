package dev.metagrad.optim.meta;

import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.AdamWOptions;

/**
 * Differentiable AdamW on a module's parameters: {@code torchopt.MetaAdamW(module, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, *, eps_root=0.0, mask=None, moment_requires_grad=False, maximize=False, use_accelerated_op=False)}, i.e.
 * {@code MetaOptimizer(module, Alias.adamw(options))}; the update rule is {@link Alias#adamw}'s.
 * The options passed to the constructor are used exactly as given.
 */
public class MetaAdamW extends MetaOptimizer {
    /**
     * An optimizer for {@code module} with {@code options}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adamw}) or the module has
     *                                  no parameters
     */
    public MetaAdamW(Module module, AdamWOptions options) {
        super(module, Alias.adamw(options));
    }

    /** An optimizer with {@link #defaults()}. */
    public MetaAdamW(Module module) {
        this(module, defaults());
    }

    /** TorchOpt's defaults for {@code MetaAdamW}. */
    public static AdamWOptions defaults() {
        return AdamWOptions.defaults();
    }
}
