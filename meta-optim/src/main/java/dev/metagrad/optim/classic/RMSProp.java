package dev.metagrad.optim.classic;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.RmsPropOptions;

/**
 * Classic RMSProp: {@code torchopt.RMSProp(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False, *, initial_scale=0.0, nesterov=False, maximize=False)}, i.e. {@code Optimizer(params, Alias.rmsprop(options))}; the update rule is
 * {@link Alias#rmsprop}'s.  See {@link Optimizer} for how parameters are replaced.
 */
public class RMSProp extends Optimizer {
    /**
     * An optimizer over stand-alone {@code params}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#rmsprop}) or the parameters
     *                                  are (see {@link Optimizer#addParamGroup(Iterable)})
     */
    public RMSProp(Iterable<Tensor> params, RmsPropOptions options) {
        super(params, Alias.rmsprop(options));
    }

    /**
     * An optimizer over {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#rmsprop}) or the module
     *                                  has no parameters
     */
    public RMSProp(Module module, RmsPropOptions options) {
        super(module, Alias.rmsprop(options));
    }

    /** An optimizer over {@code params} with {@link #defaults()}. */
    public RMSProp(Iterable<Tensor> params) {
        this(params, defaults());
    }

    /** TorchOpt's defaults for {@code torchopt.RMSProp}. */
    public static RmsPropOptions defaults() {
        return RmsPropOptions.defaults();
    }
}
