package dev.metagrad.optim.classic;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.RAdamOptions;

/**
 * Classic RAdam: {@code torchopt.RAdam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0)}, i.e. {@code Optimizer(params, Alias.radam(options))}; the update rule is
 * {@link Alias#radam}'s. The class default eps 1e-8 differs from the functional {@code radam}'s. See {@link Optimizer} for how parameters are replaced.
 */
public class RAdam extends Optimizer {
    /**
     * An optimizer over stand-alone {@code params}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#radam}) or the parameters
     *                                  are (see {@link Optimizer#addParamGroup(Iterable)})
     */
    public RAdam(Iterable<Tensor> params, RAdamOptions options) {
        super(params, Alias.radam(options));
    }

    /**
     * An optimizer over {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#radam}) or the module
     *                                  has no parameters
     */
    public RAdam(Module module, RAdamOptions options) {
        super(module, Alias.radam(options));
    }

    /** An optimizer over {@code params} with {@link #defaults()}. */
    public RAdam(Iterable<Tensor> params) {
        this(params, defaults());
    }

    /** TorchOpt's defaults for {@code torchopt.RAdam}. */
    public static RAdamOptions defaults() {
        return RAdamOptions.defaults().eps(1e-8);
    }
}
