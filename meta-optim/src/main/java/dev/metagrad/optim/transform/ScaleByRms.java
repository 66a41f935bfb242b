package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.state.ScaleByRmsState;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * RMSProp's rescaling (TorchOpt {@code scale_by_rms}):
 * <pre>
 *   nu = alpha·nu + (1 − alpha)·g·g          nu starts at initial_scale
 *   u  = g / (sqrt(nu) + eps)                eps outside the sqrt
 * </pre>
 */
public final class ScaleByRms implements GradientTransformation {
    private final double alpha;
    private final double eps;
    private final double initialScale;

    /**
     * @throws IllegalArgumentException when alpha is outside [0, 1] or eps, initial_scale is negative
     */
    public ScaleByRms(double alpha, double eps, double initialScale) {
        this.alpha = Arguments.closedUnitInterval("alpha", alpha);
        this.eps = Arguments.nonNegative("eps", eps);
        this.initialScale = Arguments.nonNegative("initial_scale", initialScale);
    }

    @Override
    public OptState init(Object params) {
        return new ScaleByRmsState(Moments.filled(params, initialScale, false));
    }

    @Override
    public Update update(Object updates, OptState state, Object params, boolean inplace) {
        ScaleByRmsState s = Leaves.state("scaleByRms", state, ScaleByRmsState.class);
        Flattened g = Trees.flatten(updates);
        int n = g.leaves().size();
        List<Tensor> nu = Leaves.matching("scaleByRms", "nu", s.nu(), n);
        List<Tensor> out = new ArrayList<>(n);
        List<Tensor> nus = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Tensor gi = g.leaves().get(i);
            Tensor v = Moments.second(gi, nu.get(i), alpha);
            out.add(gi.div(v.sqrt().add(eps)));
            nus.add(v);
        }
        return new Update(g.def().unflatten(out), new ScaleByRmsState(g.def().unflatten(nus)));
    }
}
