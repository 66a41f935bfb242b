package dev.metagrad.optim.classic;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.AdamaxOptions;

/**
 * Classic AdaMax: {@code torchopt.AdaMax(params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0)}, i.e. {@code Optimizer(params, Alias.adamax(options))}; the update rule is
 * {@link Alias#adamax}'s. The class defaults (lr 2e-3, eps 1e-8) differ from the functional {@code adamax}'s. See {@link Optimizer} for how parameters are replaced.
 */
public class AdaMax extends Optimizer {
    /**
     * An optimizer over stand-alone {@code params}.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adamax}) or the parameters
     *                                  are (see {@link Optimizer#addParamGroup(Iterable)})
     */
    public AdaMax(Iterable<Tensor> params, AdamaxOptions options) {
        super(params, Alias.adamax(options));
    }

    /**
     * An optimizer over {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link Alias#adamax}) or the module
     *                                  has no parameters
     */
    public AdaMax(Module module, AdamaxOptions options) {
        super(module, Alias.adamax(options));
    }

    /** An optimizer over {@code params} with {@link #defaults()}. */
    public AdaMax(Iterable<Tensor> params) {
        this(params, defaults());
    }

    /** TorchOpt's defaults for {@code torchopt.AdaMax}. */
    public static AdamaxOptions defaults() {
        return AdamaxOptions.defaults().lr(2e-3).eps(1e-8);
    }
}
