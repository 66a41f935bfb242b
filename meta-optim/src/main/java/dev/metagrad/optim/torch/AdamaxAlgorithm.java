package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adamax}'s update (torch 2.13, single-tensor path), per parameter:
 * <pre>
 *   if maximize: g = -g
 *   t = t + 1
 *   if weight_decay != 0: g = g + weight_decay * p
 *   m = lerp(m, g, 1 - beta1)
 *   u = max(beta2 * u, |g| + eps)                 eps inside the max
 *   p = p - (lr / (1 - beta1^t)) * m / u          only the first moment is bias-corrected
 * </pre>
 * State (created as zeros at the first step): {@code step} (0-dim float64), {@code exp_avg} (m),
 * {@code exp_inf} (u). Defaults: lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, maximize=false, plus
 * torch's bookkeeping keys foreach=null, differentiable=false, capturable=false.
 *
 * <p>The max is differentiable almost everywhere: its gradient goes to the larger argument (to {@code |g| + eps}
 * on ties, which occur only where both sides are exactly equal).
 */
public final class AdamaxAlgorithm implements Algorithm {
    private static final Options DEFAULTS = Options.of(
            "lr", 2e-3, "betas", new double[] {0.9, 0.999}, "eps", 1e-8, "weight_decay", 0L, "foreach", null,
            "maximize", false, "differentiable", false, "capturable", false);

    @Override
    public String name() {
        return "Adamax";
    }

    @Override
    public Options defaults() {
        return DEFAULTS;
    }

    /** torch's checks, in torch's order: lr, eps, betas in [0, 1), weight_decay non-negative. */
    @Override
    public void validate(Options group) {
        OptionChecks.adamFamily(group);
        OptionChecks.flags(group, "maximize", "differentiable", "capturable");
        OptionChecks.implementationFlags(group);
    }

    /**
     * Besides {@link Algorithm#validateState}'s checks, a non-empty loaded state must hold {@code step}, {@code
     * exp_avg} and {@code exp_inf}.
     */
    @Override
    public void validateState(Tensor p, Map<String, Object> state, Options group) {
        Algorithm.super.validateState(p, state, group);
        StepSupport.requireStateOnceStepped(name(), p, state, List.of("step"), List.of("exp_avg", "exp_inf"));
    }

    @Override
    public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
        double lr = group.getDouble("lr");
        double[] betas = group.getDoubles("betas", 2);
        double eps = group.getDouble("eps");
        Tensor step = StepSupport.nextStep(state, name());
        double t = step.item();
        Tensor d = StepSupport.l2(StepSupport.direction(g, group), p, group.getDouble("weight_decay"));
        Tensor m = TensorOps.lerp(StepSupport.buffer(state, "exp_avg", p, name()), d, 1 - betas[0]);
        Tensor u = StepSupport.buffer(state, "exp_inf", p, name()).mul(betas[1]).maximum(d.abs().add(eps));
        double clr = lr / (1 - Math.pow(betas[0], t));
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("step", step);
        next.put("exp_avg", m);
        next.put("exp_inf", u);
        return new ParamStep(TensorOps.addcdiv(p, m, u, -clr), next);
    }
}
