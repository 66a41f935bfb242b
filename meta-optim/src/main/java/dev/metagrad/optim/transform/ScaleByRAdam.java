package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.state.ScaleByRAdamState;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * Rectified Adam (TorchOpt {@code scale_by_radam}), with one step number {@code t} (starting at 1):
 * <pre>
 *   m = b1·m + (1 − b1)·g ;   v = b2·v + (1 − b2)·g·g
 *   rho_inf = 2/(1 − b2) − 1 ;   rho_t = rho_inf − 2·t·b2^t / (1 − b2^t)
 *   rho_t > 5:  r = sqrt((1 − b2^t)(rho_t − 4)(rho_t − 2)·rho_inf / ((rho_inf − 4)(rho_inf − 2)·rho_t))
 *               u = m · (r / (1 − b1^t)) / (sqrt(v) + eps)
 *   otherwise:  u = m / (1 − b1^t)
 *   t = t + 1
 * </pre>
 */
public final class ScaleByRAdam implements GradientTransformation {
    private final double b1;
    private final double b2;
    private final double eps;
    private final boolean momentRequiresGrad;

    /**
     * @throws IllegalArgumentException when a beta is outside [0, 1) or eps is negative
     */
    public ScaleByRAdam(double b1, double b2, double eps, boolean momentRequiresGrad) {
        this.b1 = Arguments.unitInterval("betas[0]", b1);
        this.b2 = Arguments.unitInterval("betas[1]", b2);
        this.eps = Arguments.nonNegative("eps", eps);
        this.momentRequiresGrad = momentRequiresGrad;
    }

    @Override
    public OptState init(Object params) {
        return new ScaleByRAdamState(Moments.filled(params, 0.0, momentRequiresGrad),
                Moments.filled(params, 0.0, momentRequiresGrad), 1);
    }

    @Override
    public Update update(Object updates, OptState state, Object params, boolean inplace) {
        ScaleByRAdamState s = Leaves.state("scaleByRAdam", state, ScaleByRAdamState.class);
        Flattened g = Trees.flatten(updates);
        int n = g.leaves().size();
        List<Tensor> mu = Leaves.matching("scaleByRAdam", "mu", s.mu(), n);
        List<Tensor> nu = Leaves.matching("scaleByRAdam", "nu", s.nu(), n);
        long t = s.t();
        double b2t = Math.pow(b2, t);
        double correction1 = 1.0 - Math.pow(b1, t);
        double rhoInf = 2.0 / (1.0 - b2) - 1.0;
        double rhoT = rhoInf - 2.0 * t * b2t / (1.0 - b2t);
        // the rectification term is only defined once the variance estimate is tractable (rho_t > 5)
        double r = rhoT > 5.0
                ? Math.sqrt((1.0 - b2t) * (rhoT - 4.0) * (rhoT - 2.0) * rhoInf / ((rhoInf - 4.0) * (rhoInf - 2.0) * rhoT))
                : Double.NaN;
        List<Tensor> out = new ArrayList<>(n);
        List<Tensor> mus = new ArrayList<>(n);
        List<Tensor> nus = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Tensor gi = g.leaves().get(i);
            Tensor m = Moments.first(gi, mu.get(i), b1);
            Tensor v = Moments.second(gi, nu.get(i), b2);
            out.add(rhoT > 5.0 ? m.mul(r / correction1).div(v.sqrt().add(eps)) : m.div(correction1));
            mus.add(m);
            nus.add(v);
        }
        return new Update(g.def().unflatten(out),
                new ScaleByRAdamState(g.def().unflatten(mus), g.def().unflatten(nus), t + 1));
    }
}
