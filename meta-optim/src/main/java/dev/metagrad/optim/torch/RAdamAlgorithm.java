package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.RAdam}'s update (torch 2.13, single-tensor path), per parameter:
 * <pre>
 *   if maximize: g = -g
 *   t = t + 1; bc1 = 1 - beta1^t; bc2 = 1 - beta2^t
 *   if weight_decay != 0:
 *       if decoupled_weight_decay: p = p * (1 - lr * weight_decay)
 *       else:                      g = g + weight_decay * p
 *   m = lerp(m, g, 1 - beta1); v = beta2 * v + (1 - beta2) * g * g
 *   mhat = m / bc1
 *   rho_inf = 2 / (1 - beta2) - 1;  rho_t = rho_inf - 2 t beta2^t / bc2
 *   if rho_t &gt; 5:                                       (strict; from step 6 on with beta2 = 0.999)
 *       rect = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
 *       p = p - mhat * lr * (sqrt(bc2) / (sqrt(v) + eps)) * rect
 *   else:
 *       p = p - mhat * lr                                 the un-adapted momentum step
 * </pre>
 * State (created as zeros at the first step): {@code step} (0-dim float64), {@code exp_avg} (m),
 * {@code exp_avg_sq} (v). Defaults: lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, maximize=false,
 * decoupled_weight_decay=false, plus torch's bookkeeping keys foreach=null, capturable=false,
 * differentiable=false.
 */
public final class RAdamAlgorithm implements Algorithm {
    private static final Options DEFAULTS = Options.of(
            "lr", 1e-3, "betas", new double[] {0.9, 0.999}, "eps", 1e-8, "weight_decay", 0L, "maximize", false,
            "foreach", null, "capturable", false, "decoupled_weight_decay", false, "differentiable", false);

    @Override
    public String name() {
        return "RAdam";
    }

    @Override
    public Options defaults() {
        return DEFAULTS;
    }

    /** torch's checks, in torch's order: lr, eps, betas in [0, 1), weight_decay non-negative. */
    @Override
    public void validate(Options group) {
        OptionChecks.adamFamily(group);
        OptionChecks.flags(group, "maximize", "capturable", "decoupled_weight_decay", "differentiable");
        OptionChecks.implementationFlags(group);
    }

    /**
     * Besides {@link Algorithm#validateState}'s checks, a non-empty loaded state must hold {@code step}, {@code
     * exp_avg} and {@code exp_avg_sq}.
     */
    @Override
    public void validateState(Tensor p, Map<String, Object> state, Options group) {
        Algorithm.super.validateState(p, state, group);
        StepSupport.requireStateOnceStepped(name(), p, state, List.of("step"), List.of("exp_avg", "exp_avg_sq"));
    }

    @Override
    public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
        double lr = group.getDouble("lr");
        double[] betas = group.getDoubles("betas", 2);
        double beta1 = betas[0];
        double beta2 = betas[1];
        double eps = group.getDouble("eps");
        double wd = group.getDouble("weight_decay");
        Tensor d = StepSupport.direction(g, group);
        Tensor step = StepSupport.nextStep(state, name());
        double t = step.item();
        Tensor param = p;
        if (wd != 0 && group.getBoolean("decoupled_weight_decay")) {
            param = param.mul(1 - lr * wd);
        } else {
            d = StepSupport.l2(d, param, wd);
        }
        Tensor m = TensorOps.lerp(StepSupport.buffer(state, "exp_avg", p, name()), d, 1 - beta1);
        Tensor v = TensorOps.addcmul(StepSupport.buffer(state, "exp_avg_sq", p, name()).mul(beta2), d, d, 1 - beta2);
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        Tensor mhat = m.div(bc1);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / bc2;
        Tensor update;
        if (rhoT > 5.0) {
            double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
            Tensor adaptive = v.sqrt().add(eps).rdiv(Math.sqrt(bc2));
            update = mhat.mul(lr).mul(adaptive).mul(rect);
        } else {
            update = mhat.mul(lr);
        }
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("step", step);
        next.put("exp_avg", m);
        next.put("exp_avg_sq", v);
        return new ParamStep(param.sub(update), next);
    }
}
