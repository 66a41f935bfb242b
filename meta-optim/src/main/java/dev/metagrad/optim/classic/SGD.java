package dev.metagrad.optim.classic;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.SgdOptions;

/**
 * Classic SGD: {@code torchopt.SGD(params, lr, momentum=0.0, weight_decay=0.0, dampening=0.0, nesterov=False, maximize=False)}, i.e. {@code Optimizer(params, Alias.sgd(options))}; the update rule is
 * {@link Alias#sgd}'s. The learning rate has no default and must be set. See {@link Optimizer} for how parameters are replaced.
 */
public class SGD extends Optimizer {
    /**
     * An optimizer over stand-alone {@code params}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#sgd}) or the parameters
     *                                  are (see {@link Optimizer#addParamGroup(Iterable)})
     */
    public SGD(Iterable<Tensor> params, SgdOptions options) {
        super(params, Alias.sgd(options));
    }

    /**
     * An optimizer over {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#sgd}) or the module
     *                                  has no parameters
     */
    public SGD(Module module, SgdOptions options) {
        super(module, Alias.sgd(options));
    }

    /** TorchOpt's defaults for {@code torchopt.SGD}. */
    public static SgdOptions defaults() {
        return SgdOptions.defaults();
    }
}
