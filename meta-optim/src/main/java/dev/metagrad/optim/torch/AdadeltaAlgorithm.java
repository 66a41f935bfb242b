package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adadelta}'s update (torch 2.13, single-tensor path), per parameter:
 * <pre>
 *   t = t + 1
 *   if maximize: g = -g
 *   if weight_decay != 0: g = g + weight_decay * p
 *   sq    = rho * sq + (1 - rho) * g * g
 *   delta = sqrt(acc + eps) / sqrt(sq + eps) * g       eps inside both square roots
 *   acc   = rho * acc + (1 - rho) * delta * delta
 *   p     = p - lr * delta                            lr multiplies the delta at the end
 * </pre>
 * State (created as zeros at the first step): {@code step} (0-dim float64), {@code square_avg} (sq),
 * {@code acc_delta} (acc). Defaults: lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, maximize=false, plus torch's
 * bookkeeping keys capturable=false, foreach=null, differentiable=false.
 */
public final class AdadeltaAlgorithm implements Algorithm {
    private static final Options DEFAULTS = Options.of(
            "lr", 1.0, "rho", 0.9, "eps", 1e-6, "weight_decay", 0L, "maximize", false, "capturable", false,
            "foreach", null, "differentiable", false);

    @Override
    public String name() {
        return "Adadelta";
    }

    @Override
    public Options defaults() {
        return DEFAULTS;
    }

    /** torch's checks, in torch's order: lr &gt;= 0, rho in [0, 1], eps &gt;= 0, weight_decay &gt;= 0. */
    @Override
    public void validate(Options group) {
        OptionChecks.learningRate(group);
        double rho = group.getDouble("rho");
        if (!(rho >= 0.0 && rho <= 1.0)) {
            throw new IllegalArgumentException("Invalid rho value: " + OptionChecks.pyValue(group, "rho"));
        }
        OptionChecks.epsilon(group);
        OptionChecks.weightDecay(group);
        OptionChecks.flags(group, "maximize", "capturable", "differentiable");
        OptionChecks.implementationFlags(group);
    }

    /**
     * Besides {@link Algorithm#validateState}'s checks, a non-empty loaded state must hold {@code step}, {@code
     * square_avg} and {@code acc_delta}.
     */
    @Override
    public void validateState(Tensor p, Map<String, Object> state, Options group) {
        Algorithm.super.validateState(p, state, group);
        StepSupport.requireStateOnceStepped(name(), p, state, List.of("step"), List.of("square_avg", "acc_delta"));
    }

    @Override
    public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
        double lr = group.getDouble("lr");
        double rho = group.getDouble("rho");
        double eps = group.getDouble("eps");
        Tensor step = StepSupport.nextStep(state, name());
        Tensor d = StepSupport.l2(StepSupport.direction(g, group), p, group.getDouble("weight_decay"));
        Tensor sq = TensorOps.addcmul(StepSupport.buffer(state, "square_avg", p, name()).mul(rho), d, d, 1 - rho);
        Tensor acc = StepSupport.buffer(state, "acc_delta", p, name());
        Tensor std = sq.add(eps).sqrt();
        Tensor delta = acc.add(eps).sqrt().div(std).mul(d);
        Tensor newAcc = TensorOps.addcmul(acc.mul(rho), delta, delta, 1 - rho);
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("step", step);
        next.put("square_avg", sq);
        next.put("acc_delta", newAcc);
        return new ParamStep(p.add(delta.mul(-lr)), next);
    }
}
