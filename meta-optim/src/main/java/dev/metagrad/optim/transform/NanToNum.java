package dev.metagrad.optim.transform;

import dev.metagrad.tree.Trees;

/**
 * Replaces non-finite update entries (TorchOpt {@code nan_to_num}), per element:
 * <pre>
 *   NaN → nan (default 0),   +∞ → posinf (default: largest finite),   −∞ → neginf (default: lowest finite)
 * </pre>
 * Stateless; differentiable as {@link NanToNumFunction}.
 */
public final class NanToNum extends StatelessTransformation {
    private final double nan;
    private final Double posinf;
    private final Double neginf;

    /**
     * @param posinf the value for +∞, or null for the dtype's largest finite value
     * @param neginf the value for −∞, or null for the dtype's lowest finite value
     */
    public NanToNum(double nan, Double posinf, Double neginf) {
        this.nan = nan;
        this.posinf = posinf;
        this.neginf = neginf;
    }

    @Override
    Object apply(Object updates, Object params) {
        return Trees.map(updates, g -> NanToNumFunction.apply(g, nan, posinf, neginf));
    }
}
