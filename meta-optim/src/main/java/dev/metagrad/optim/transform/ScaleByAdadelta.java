package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.state.ScaleByAdadeltaState;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * Adadelta's rescaling (TorchOpt {@code scale_by_adadelta}); {@code sq} is the state's {@code mu}, {@code dx}
 * its {@code nu}:
 * <pre>
 *   sq = rho·sq + (1 − rho)·g·g
 *   u  = g · sqrt( (dx + eps) / (sq + eps) )          eps in both, under one sqrt
 *   dx = rho·dx + (1 − rho)·u·u
 * </pre>
 */
public final class ScaleByAdadelta implements GradientTransformation {
    private final double rho;
    private final double eps;
    private final boolean momentRequiresGrad;

    /**
     * @throws IllegalArgumentException when rho is outside [0, 1] or eps is negative
     */
    public ScaleByAdadelta(double rho, double eps, boolean momentRequiresGrad) {
        this.rho = Arguments.closedUnitInterval("rho", rho);
        this.eps = Arguments.nonNegative("eps", eps);
        this.momentRequiresGrad = momentRequiresGrad;
    }

    @Override
    public OptState init(Object params) {
        return new ScaleByAdadeltaState(Moments.filled(params, 0.0, momentRequiresGrad),
                Moments.filled(params, 0.0, momentRequiresGrad));
    }

    @Override
    public Update update(Object updates, OptState state, Object params, boolean inplace) {
        ScaleByAdadeltaState s = Leaves.state("scaleByAdadelta", state, ScaleByAdadeltaState.class);
        Flattened g = Trees.flatten(updates);
        int n = g.leaves().size();
        List<Tensor> mu = Leaves.matching("scaleByAdadelta", "mu", s.mu(), n);
        List<Tensor> nu = Leaves.matching("scaleByAdadelta", "nu", s.nu(), n);
        List<Tensor> out = new ArrayList<>(n);
        List<Tensor> sqs = new ArrayList<>(n);
        List<Tensor> dxs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Tensor gi = g.leaves().get(i);
            Tensor sq = Moments.second(gi, mu.get(i), rho);
            Tensor u = gi.mul(nu.get(i).add(eps).div(sq.add(eps)).sqrt());
            out.add(u);
            sqs.add(sq);
            dxs.add(Moments.second(u, nu.get(i), rho));
        }
        return new Update(g.def().unflatten(out), new ScaleByAdadeltaState(g.def().unflatten(sqs), g.def().unflatten(dxs)));
    }
}
