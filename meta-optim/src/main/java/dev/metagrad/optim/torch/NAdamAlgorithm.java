package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.NAdam}'s update (torch 2.13, single-tensor path), per parameter:
 * <pre>
 *   if maximize: g = -g
 *   t = t + 1; bc2 = 1 - beta2^t
 *   if weight_decay != 0:
 *       if decoupled_weight_decay: p = p * (1 - lr * weight_decay)
 *       else:                      g = g + weight_decay * p
 *   mu      = beta1 (1 - 0.5 * 0.96^(t momentum_decay))
 *   mu_next = beta1 (1 - 0.5 * 0.96^((t + 1) momentum_decay))
 *   mu_product = mu_product * mu                          mu_1 ... mu_t, kept in the state (starts at 1)
 *   mu_product_next = mu_product * mu_next                mu_1 ... mu_{t+1}, not stored (torch 2.x)
 *   m = lerp(m, g, 1 - beta1); v = beta2 * v + (1 - beta2) * g * g
 *   denom = sqrt(v / bc2) + eps
 *   p = p - (lr (1 - mu) / (1 - mu_product)) * g / denom
 *   p = p - (lr mu_next / (1 - mu_product_next)) * m / denom
 * </pre>
 * State (created at the first step): {@code step} (0-dim float64), {@code mu_product} (0-dim float64),
 * {@code exp_avg} (m), {@code exp_avg_sq} (v). Defaults: lr=2e-3, betas=(0.9, 0.999), eps=1e-8,
 * weight_decay=0, momentum_decay=4e-3, decoupled_weight_decay=false, maximize=false, plus torch's bookkeeping
 * keys foreach=null, capturable=false, differentiable=false.
 */
public final class NAdamAlgorithm implements Algorithm {
    private static final Options DEFAULTS = Options.of(
            "lr", 2e-3, "betas", new double[] {0.9, 0.999}, "eps", 1e-8, "weight_decay", 0L, "momentum_decay", 4e-3,
            "decoupled_weight_decay", false, "maximize", false, "foreach", null, "capturable", false,
            "differentiable", false);

    @Override
    public String name() {
        return "NAdam";
    }

    @Override
    public Options defaults() {
        return DEFAULTS;
    }

    /** torch's checks, in torch's order: lr, eps, betas in [0, 1), weight_decay, momentum_decay non-negative. */
    @Override
    public void validate(Options group) {
        OptionChecks.adamFamily(group);
        OptionChecks.nonNegative(group, "momentum_decay", "Invalid momentum_decay value");
        OptionChecks.flags(group, "decoupled_weight_decay", "maximize", "capturable", "differentiable");
        OptionChecks.implementationFlags(group);
    }

    /**
     * Besides {@link Algorithm#validateState}'s checks, a non-empty loaded state must hold {@code step}, {@code
     * mu_product}, {@code exp_avg} and {@code exp_avg_sq}.
     */
    @Override
    public void validateState(Tensor p, Map<String, Object> state, Options group) {
        Algorithm.super.validateState(p, state, group);
        StepSupport.requireStateOnceStepped(name(), p, state, List.of("step", "mu_product"), List.of("exp_avg", "exp_avg_sq"));
    }

    @Override
    public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
        double lr = group.getDouble("lr");
        double[] betas = group.getDoubles("betas", 2);
        double beta1 = betas[0];
        double beta2 = betas[1];
        double eps = group.getDouble("eps");
        double wd = group.getDouble("weight_decay");
        double momentumDecay = group.getDouble("momentum_decay");
        Tensor d = StepSupport.direction(g, group);
        Tensor step = StepSupport.nextStep(state, name());
        double t = step.item();
        double muProductPrev = state.isEmpty() ? 1.0 : StepSupport.scalarValue(state.get("mu_product"), name(), "mu_product");
        double bc2 = 1 - Math.pow(beta2, t);
        Tensor param = p;
        if (wd != 0 && group.getBoolean("decoupled_weight_decay")) {
            param = param.mul(1 - lr * wd);
        } else {
            d = StepSupport.l2(d, param, wd);
        }
        double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, t * momentumDecay));
        double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
        double muProduct = muProductPrev * mu;
        double muProductNext = muProduct * muNext;
        Tensor m = TensorOps.lerp(StepSupport.buffer(state, "exp_avg", p, name()), d, 1 - beta1);
        Tensor v = TensorOps.addcmul(StepSupport.buffer(state, "exp_avg_sq", p, name()).mul(beta2), d, d, 1 - beta2);
        Tensor denom = v.div(bc2).sqrt().add(eps);
        param = TensorOps.addcdiv(param, d, denom, -lr * (1.0 - mu) / (1.0 - muProduct));
        param = TensorOps.addcdiv(param, m, denom, (-lr * muNext) / (1.0 - muProductNext));
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("step", step);
        next.put("mu_product", Tensor.scalar(muProduct));
        next.put("exp_avg", m);
        next.put("exp_avg_sq", v);
        return new ParamStep(param, next);
    }
}
