package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * TorchOpt's {@code flip_sign_and_add_weight_decay}, the first piece of most aliases:
 * <pre>
 *   if maximize:          g = −g
 *   if weight_decay != 0: g = g + weight_decay · p      (so −g + wd·p when maximizing)
 * </pre>
 */
public final class FlipSignAndAddWeightDecay extends StatelessTransformation {
    private final double weightDecay;
    private final boolean maximize;

    /**
     * @throws IllegalArgumentException when {@code weightDecay < 0}
     */
    public FlipSignAndAddWeightDecay(double weightDecay, boolean maximize) {
        this.weightDecay = Arguments.nonNegative("weight_decay", weightDecay);
        this.maximize = maximize;
    }

    @Override
    Object apply(Object updates, Object params) {
        if (weightDecay == 0.0) {
            return maximize ? Trees.map(updates, Tensor::neg) : updates;
        }
        Flattened g = Trees.flatten(updates);
        List<Tensor> p = Leaves.matching("flipSignAndAddWeightDecay", "params", params, g.leaves().size());
        List<Tensor> out = new ArrayList<>(p.size());
        for (int i = 0; i < p.size(); i++) {
            Tensor gi = maximize ? g.leaves().get(i).neg() : g.leaves().get(i);
            out.add(gi.add(p.get(i).mul(weightDecay)));
        }
        return g.def().unflatten(out);
    }
}
