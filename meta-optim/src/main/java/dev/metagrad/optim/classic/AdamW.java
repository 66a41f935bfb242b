package dev.metagrad.optim.classic;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.AdamWOptions;

/**
 * Classic AdamW: {@code torchopt.AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, *, eps_root=0.0, mask=None, maximize=False, use_accelerated_op=False)}, i.e. {@code Optimizer(params, Alias.adamw(options))}; the update rule is
 * {@link Alias#adamw}'s.  See {@link Optimizer} for how parameters are replaced.
 */
public class AdamW extends Optimizer {
    /**
     * An optimizer over stand-alone {@code params}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adamw}) or the parameters
     *                                  are (see {@link Optimizer#addParamGroup(Iterable)})
     */
    public AdamW(Iterable<Tensor> params, AdamWOptions options) {
        super(params, Alias.adamw(options));
    }

    /**
     * An optimizer over {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adamw}) or the module
     *                                  has no parameters
     */
    public AdamW(Module module, AdamWOptions options) {
        super(module, Alias.adamw(options));
    }

    /** An optimizer over {@code params} with {@link #defaults()}. */
    public AdamW(Iterable<Tensor> params) {
        this(params, defaults());
    }

    /** TorchOpt's defaults for {@code torchopt.AdamW}. */
    public static AdamWOptions defaults() {
        return AdamWOptions.defaults();
    }
}
