package dev.metagrad.optim.classic;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.AdagradOptions;

/**
 * Classic AdaGrad: {@code torchopt.AdaGrad(params, lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10, *, maximize=False)}, i.e. {@code Optimizer(params, Alias.adagrad(options))}; the update rule is
 * {@link Alias#adagrad}'s.  See {@link Optimizer} for how parameters are replaced.
 */
public class AdaGrad extends Optimizer {
    /**
     * An optimizer over stand-alone {@code params}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adagrad}) or the parameters
     *                                  are (see {@link Optimizer#addParamGroup(Iterable)})
     */
    public AdaGrad(Iterable<Tensor> params, AdagradOptions options) {
        super(params, Alias.adagrad(options));
    }

    /**
     * An optimizer over {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adagrad}) or the module
     *                                  has no parameters
     */
    public AdaGrad(Module module, AdagradOptions options) {
        super(module, Alias.adagrad(options));
    }

    /** An optimizer over {@code params} with {@link #defaults()}. */
    public AdaGrad(Iterable<Tensor> params) {
        this(params, defaults());
    }

    /** TorchOpt's defaults for {@code torchopt.AdaGrad}. */
    public static AdagradOptions defaults() {
        return AdagradOptions.defaults();
    }
}
