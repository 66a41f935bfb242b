package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * Decoupled weight decay (TorchOpt {@code add_decayed_weights}), per leaf {@code i}:
 * <pre>
 *   u_i = g_i + weight_decay · p_i    if mask is null or mask[i]
 *   u_i = g_i                          otherwise
 * </pre>
 * The mask lists one boolean per leaf in flattening order (see {@link Trees#leaves}).
 */
public final class AddDecayedWeights extends StatelessTransformation {
    private final double weightDecay;
    private final List<Boolean> mask;

    /**
     * @param mask one flag per parameter leaf, or null to decay every leaf
     * @throws IllegalArgumentException when {@code weightDecay < 0} or the mask holds null
     */
    public AddDecayedWeights(double weightDecay, List<Boolean> mask) {
        this.weightDecay = Arguments.nonNegative("weight_decay", weightDecay);
        // List.copyOf lists throw on contains(null), so look at each entry
        if (mask != null && mask.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("mask must not contain null");
        }
        this.mask = mask == null ? null : List.copyOf(mask);
    }

    @Override
    Object apply(Object updates, Object params) {
        if (weightDecay == 0.0) {
            return updates;
        }
        Flattened g = Trees.flatten(updates);
        List<Tensor> p = Leaves.matching("addDecayedWeights", "params", params, g.leaves().size());
        if (mask != null && mask.size() != p.size()) {
            throw new IllegalArgumentException("addDecayedWeights: mask has " + mask.size() + " entries but the params have "
                    + p.size() + " leaves");
        }
        List<Tensor> out = new ArrayList<>(p.size());
        for (int i = 0; i < p.size(); i++) {
            Tensor gi = g.leaves().get(i);
            out.add(mask == null || mask.get(i) ? gi.add(p.get(i).mul(weightDecay)) : gi);
        }
        return g.def().unflatten(out);
    }
}
