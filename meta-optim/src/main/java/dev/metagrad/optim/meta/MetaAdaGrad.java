package dev.metagrad.optim.meta;

import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.AdagradOptions;

/**
 * Differentiable AdaGrad on a module's parameters: {@code torchopt.MetaAdaGrad(module, lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10, *, maximize=False)}, i.e.
 * {@code MetaOptimizer(module, Alias.adagrad(options))}; the update rule is {@link Alias#adagrad}'s.
 * The options passed to the constructor are used exactly as given.
 */
public class MetaAdaGrad extends MetaOptimizer {
    /**
     * An optimizer for {@code module} with {@code options}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adagrad}) or the module has
     *                                  no parameters
     */
    public MetaAdaGrad(Module module, AdagradOptions options) {
        super(module, Alias.adagrad(options));
    }

    /** An optimizer with {@link #defaults()}. */
    public MetaAdaGrad(Module module) {
        this(module, defaults());
    }

    /** TorchOpt's defaults for {@code MetaAdaGrad}. */
    public static AdagradOptions defaults() {
        return AdagradOptions.defaults();
    }
}
