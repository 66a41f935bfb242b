package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.state.Counts;
import dev.metagrad.optim.state.ScaleByAdamState;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam's rescaling (TorchOpt {@code scale_by_adam}), per leaf with its own step count {@code t}:
 * <pre>
 *   m = b1·m + (1 − b1)·g ;   v = b2·v + (1 − b2)·g·g ;   t = t + 1
 *   m̂ = m / (1 − b1^t) ;      v̂ = v / (1 − b2^t)
 *   u = m̂ / ( sqrt(v̂ + eps_root) + eps )          eps_root inside the sqrt, eps outside
 * </pre>
 * The bias corrections use float64 {@code Math.pow} (TorchOpt's float32 powers are a defect,
 * FORMAT-torchopt.md section 11.1). TorchOpt's accelerated op has the same forward values, so
 * {@code use_accelerated_op} selects nothing here; its backward is exact.
 */
public final class ScaleByAdam implements GradientTransformation {
    private final double b1;
    private final double b2;
    private final double eps;
    private final double epsRoot;
    private final boolean momentRequiresGrad;

    /**
     * @throws IllegalArgumentException when a beta is outside [0, 1) or eps, eps_root is negative
     */
    public ScaleByAdam(double b1, double b2, double eps, double epsRoot, boolean momentRequiresGrad) {
        this.b1 = Arguments.unitInterval("betas[0]", b1);
        this.b2 = Arguments.unitInterval("betas[1]", b2);
        this.eps = Arguments.nonNegative("eps", eps);
        this.epsRoot = Arguments.nonNegative("eps_root", epsRoot);
        this.momentRequiresGrad = momentRequiresGrad;
    }

    @Override
    public OptState init(Object params) {
        return new ScaleByAdamState(Moments.filled(params, 0.0, momentRequiresGrad),
                Moments.filled(params, 0.0, momentRequiresGrad), Counts.zerosLike(params));
    }

    @Override
    public Update update(Object updates, OptState state, Object params, boolean inplace) {
        ScaleByAdamState s = Leaves.state("scaleByAdam", state, ScaleByAdamState.class);
        Flattened g = Trees.flatten(updates);
        int n = g.leaves().size();
        List<Tensor> mu = Leaves.matching("scaleByAdam", "mu", s.mu(), n);
        List<Tensor> nu = Leaves.matching("scaleByAdam", "nu", s.nu(), n);
        List<Tensor> count = Leaves.matching("scaleByAdam", "count", s.count(), n);
        List<Tensor> out = new ArrayList<>(n);
        List<Tensor> mus = new ArrayList<>(n);
        List<Tensor> nus = new ArrayList<>(n);
        List<Tensor> counts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Tensor gi = g.leaves().get(i);
            Tensor m = Moments.first(gi, mu.get(i), b1);
            Tensor v = Moments.second(gi, nu.get(i), b2);
            long t = Counts.value(count.get(i)) + 1;
            Tensor mHat = m.div(1.0 - Math.pow(b1, t));
            Tensor vHat = v.div(1.0 - Math.pow(b2, t));
            out.add(mHat.div(vHat.add(epsRoot).sqrt().add(eps)));
            mus.add(m);
            nus.add(v);
            counts.add(Counts.of(t));
        }
        return new Update(g.def().unflatten(out),
                new ScaleByAdamState(g.def().unflatten(mus), g.def().unflatten(nus), g.def().unflatten(counts)));
    }
}
