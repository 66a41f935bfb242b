package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.state.ScaleByRStdDevState;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * Centered RMSProp's rescaling by the running standard deviation (TorchOpt {@code scale_by_stddev}):
 * <pre>
 *   mu = alpha·mu + (1 − alpha)·g            mu starts at 0
 *   nu = alpha·nu + (1 − alpha)·g·g          nu starts at initial_scale
 *   u  = g / ( sqrt(nu − mu·mu) + eps )
 * </pre>
 */
public final class ScaleByStddev implements GradientTransformation {
    private final double alpha;
    private final double eps;
    private final double initialScale;

    /**
     * @throws IllegalArgumentException when alpha is outside [0, 1] or eps, initial_scale is negative
     */
    public ScaleByStddev(double alpha, double eps, double initialScale) {
        this.alpha = Arguments.closedUnitInterval("alpha", alpha);
        this.eps = Arguments.nonNegative("eps", eps);
        this.initialScale = Arguments.nonNegative("initial_scale", initialScale);
    }

    @Override
    public OptState init(Object params) {
        return new ScaleByRStdDevState(Moments.filled(params, 0.0, false), Moments.filled(params, initialScale, false));
    }

    @Override
    public Update update(Object updates, OptState state, Object params, boolean inplace) {
        ScaleByRStdDevState s = Leaves.state("scaleByStddev", state, ScaleByRStdDevState.class);
        Flattened g = Trees.flatten(updates);
        int n = g.leaves().size();
        List<Tensor> mu = Leaves.matching("scaleByStddev", "mu", s.mu(), n);
        List<Tensor> nu = Leaves.matching("scaleByStddev", "nu", s.nu(), n);
        List<Tensor> out = new ArrayList<>(n);
        List<Tensor> mus = new ArrayList<>(n);
        List<Tensor> nus = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Tensor gi = g.leaves().get(i);
            Tensor m = Moments.first(gi, mu.get(i), alpha);
            Tensor v = Moments.second(gi, nu.get(i), alpha);
            out.add(gi.div(v.sub(m.square()).sqrt().add(eps)));
            mus.add(m);
            nus.add(v);
        }
        return new Update(g.def().unflatten(out), new ScaleByRStdDevState(g.def().unflatten(mus), g.def().unflatten(nus)));
    }
}
