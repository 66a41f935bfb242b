package dev.metagrad.optim.classic;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.AdadeltaOptions;

/**
 * Classic AdaDelta: {@code torchopt.AdaDelta(params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0)}, i.e. {@code Optimizer(params, Alias.adadelta(options))}; the update rule is
 * {@link Alias#adadelta}'s. The class default lr 1.0 differs from the functional {@code adadelta}'s. See {@link Optimizer} for how parameters are replaced.
 */
public class AdaDelta extends Optimizer {
    /**
     * An optimizer over stand-alone {@code params}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adadelta}) or the parameters
     *                                  are (see {@link Optimizer#addParamGroup(Iterable)})
     */
    public AdaDelta(Iterable<Tensor> params, AdadeltaOptions options) {
        super(params, Alias.adadelta(options));
    }

    /**
     * An optimizer over {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adadelta}) or the module
     *                                  has no parameters
     */
    public AdaDelta(Module module, AdadeltaOptions options) {
        super(module, Alias.adadelta(options));
    }

    /** An optimizer over {@code params} with {@link #defaults()}. */
    public AdaDelta(Iterable<Tensor> params) {
        this(params, defaults());
    }

    /** TorchOpt's defaults for {@code torchopt.AdaDelta}. */
    public static AdadeltaOptions defaults() {
        return AdadeltaOptions.defaults().lr(1.0);
    }
}
