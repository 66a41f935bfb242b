package dev.metagrad.optim.classic;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.AdamOptions;

/**
 * Classic Adam: {@code torchopt.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, *, eps_root=0.0, maximize=False, use_accelerated_op=False)}, i.e. {@code Optimizer(params, Alias.adam(options))}; the update rule is
 * {@link Alias#adam}'s.  See {@link Optimizer} for how parameters are replaced.
 */
public class Adam extends Optimizer {
    /**
     * An optimizer over stand-alone {@code params}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adam}) or the parameters
     *                                  are (see {@link Optimizer#addParamGroup(Iterable)})
     */
    public Adam(Iterable<Tensor> params, AdamOptions options) {
        super(params, Alias.adam(options));
    }

    /**
     * An optimizer over {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adam}) or the module
     *                                  has no parameters
     */
    public Adam(Module module, AdamOptions options) {
        super(module, Alias.adam(options));
    }

    /** An optimizer over {@code params} with {@link #defaults()}. */
    public Adam(Iterable<Tensor> params) {
        this(params, defaults());
    }

    /** TorchOpt's defaults for {@code torchopt.Adam}. */
    public static AdamOptions defaults() {
        return AdamOptions.defaults();
    }
}
