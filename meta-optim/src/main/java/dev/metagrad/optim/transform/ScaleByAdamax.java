package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.state.ScaleByAdamaxState;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * Adamax's rescaling (TorchOpt {@code scale_by_adamax}), with one step number {@code t} (starting at 1):
 * <pre>
 *   m = b1·m + (1 − b1)·g
 *   n = max(b2·n, |g| + eps)                eps inside the max
 *   u = (m / n) / (1 − b1^t) ;   t = t + 1
 * </pre>
 */
public final class ScaleByAdamax implements GradientTransformation {
    private final double b1;
    private final double b2;
    private final double eps;
    private final boolean momentRequiresGrad;

    /**
     * @throws IllegalArgumentException when a beta is outside [0, 1) or eps is negative
     */
    public ScaleByAdamax(double b1, double b2, double eps, boolean momentRequiresGrad) {
        this.b1 = Arguments.unitInterval("betas[0]", b1);
        this.b2 = Arguments.unitInterval("betas[1]", b2);
        this.eps = Arguments.nonNegative("eps", eps);
        this.momentRequiresGrad = momentRequiresGrad;
    }

    @Override
    public OptState init(Object params) {
        return new ScaleByAdamaxState(Moments.filled(params, 0.0, momentRequiresGrad),
                Moments.filled(params, 0.0, momentRequiresGrad), 1);
    }

    @Override
    public Update update(Object updates, OptState state, Object params, boolean inplace) {
        ScaleByAdamaxState s = Leaves.state("scaleByAdamax", state, ScaleByAdamaxState.class);
        Flattened g = Trees.flatten(updates);
        int n = g.leaves().size();
        List<Tensor> mu = Leaves.matching("scaleByAdamax", "mu", s.mu(), n);
        List<Tensor> nu = Leaves.matching("scaleByAdamax", "nu", s.nu(), n);
        double correction = 1.0 - Math.pow(b1, s.t());
        List<Tensor> out = new ArrayList<>(n);
        List<Tensor> mus = new ArrayList<>(n);
        List<Tensor> nus = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Tensor gi = g.leaves().get(i);
            Tensor m = Moments.first(gi, mu.get(i), b1);
            Tensor inf = nu.get(i).mul(b2).maximum(gi.abs().add(eps));
            out.add(m.div(inf).div(correction));
            mus.add(m);
            nus.add(inf);
        }
        return new Update(g.def().unflatten(out),
                new ScaleByAdamaxState(g.def().unflatten(mus), g.def().unflatten(nus), s.t() + 1));
    }
}
