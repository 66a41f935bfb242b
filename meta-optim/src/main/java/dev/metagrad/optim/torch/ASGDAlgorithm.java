package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.ASGD}'s update (torch 2.13, single-tensor path), per parameter:
 * <pre>
 *   (first step: step = 0, eta = lr, mu = 1, ax = zeros)
 *   if maximize: g = -g
 *   t = t + 1
 *   if weight_decay != 0: g = g + weight_decay * p
 *   p = p * (1 - lambd * eta)                        decay before the gradient step
 *   p = p - eta * g
 *   ax = ax + mu * (p - ax)   if mu != 1   else   p
 *   eta = lr / (1 + lambd * lr * t)^alpha             used from the next step on
 *   mu  = 1 / max(1, t - t0)
 * </pre>
 * So step t uses the eta and mu computed at step t-1, and {@code ax} is a copy of p while t &lt;= t0 + 2 and a
 * running average after that. {@code ax} never feeds back into p: it is the averaged iterate a user reads from
 * the state. State: {@code step}, {@code eta}, {@code mu} (0-dim float64 tensors) and {@code ax}.
 * Defaults: lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0, maximize=false, plus torch's bookkeeping
 * keys foreach=null, differentiable=false, capturable=false.
 */
public final class ASGDAlgorithm implements Algorithm {
    private static final Options DEFAULTS = Options.of(
            "lr", 1e-2, "lambd", 1e-4, "alpha", 0.75, "t0", 1e6, "weight_decay", 0L, "foreach", null, "maximize", false,
            "differentiable", false, "capturable", false);

    @Override
    public String name() {
        return "ASGD";
    }

    @Override
    public Options defaults() {
        return DEFAULTS;
    }

    /** torch's checks: lr and weight_decay non-negative (torch checks no other option of ASGD). */
    @Override
    public void validate(Options group) {
        OptionChecks.learningRate(group);
        OptionChecks.weightDecay(group);
        group.getDouble("lambd");
        group.getDouble("alpha");
        group.getDouble("t0");
        OptionChecks.flags(group, "maximize", "differentiable", "capturable");
        OptionChecks.implementationFlags(group);
    }

    /**
     * Besides {@link Algorithm#validateState}'s checks, a non-empty loaded state must hold {@code step}, {@code eta},
     * {@code mu} and {@code ax}.
     */
    @Override
    public void validateState(Tensor p, Map<String, Object> state, Options group) {
        Algorithm.super.validateState(p, state, group);
        StepSupport.requireStateOnceStepped(name(), p, state, List.of("step", "eta", "mu"), List.of("ax"));
    }

    @Override
    public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
        double lr = group.getDouble("lr");
        double lambd = group.getDouble("lambd");
        double alpha = group.getDouble("alpha");
        double t0 = group.getDouble("t0");
        boolean fresh = state.isEmpty();
        double eta = fresh ? lr : StepSupport.scalarValue(state.get("eta"), name(), "eta");
        double mu = fresh ? 1.0 : StepSupport.scalarValue(state.get("mu"), name(), "mu");
        Tensor ax = StepSupport.buffer(state, "ax", p, name());
        Tensor d = StepSupport.direction(g, group);
        Tensor step = StepSupport.nextStep(state, name());
        double t = step.item();
        d = StepSupport.l2(d, p, group.getDouble("weight_decay"));
        Tensor param = p.mul(1 - lambd * eta).add(d.mul(-eta));
        Tensor newAx = mu != 1 ? ax.add(param.sub(ax).mul(mu)) : param;
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("step", step);
        next.put("eta", Tensor.scalar(lr / Math.pow(1 + lambd * lr * t, alpha)));
        next.put("mu", Tensor.scalar(1 / Math.max(1, t - t0)));
        next.put("ax", newAx);
        return new ParamStep(param, next);
    }
}
