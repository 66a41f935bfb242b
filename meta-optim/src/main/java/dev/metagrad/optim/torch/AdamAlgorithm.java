package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code torch.optim.Adam}'s and {@code torch.optim.AdamW}'s update (torch 2.13, single-tensor path), per parameter:
 * <pre>
 *   if maximize: g = -g
 *   t += 1
 *   if weight_decay != 0:
 *       if decoupled_weight_decay: p = p * (1 - lr * weight_decay)       (AdamW: always)
 *       else:                      g = g + weight_decay * p              (L2, through the moments)
 *   m = lerp(m, g, 1 - beta1)
 *   v = beta2 * v + (1 - beta2) * g * g
 *   bc1 = 1 - beta1^t ;  bc2 = 1 - beta2^t
 *   amsgrad: vmax = max(vmax, v);  denom = sqrt(vmax) / sqrt(bc2) + eps
 *   else:                          denom = sqrt(v) / sqrt(bc2) + eps
 *   p = p - (lr / bc1) * m / denom
 * </pre>
 * State: {@code step} (0-dim float64), {@code exp_avg} (m), {@code exp_avg_sq} (v), {@code max_exp_avg_sq} (vmax,
 * only with amsgrad), created as zeros at the parameter's first step.
 *
 * <p>Adam's defaults: lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=false, maximize=false,
 * decoupled_weight_decay=false. AdamW is Adam with decoupled_weight_decay fixed to true and weight_decay=1e-2.
 * Bookkeeping keys: foreach=null, capturable=false, differentiable=false, fused=null.
 */
public final class AdamAlgorithm implements Algorithm {
    private static final Options ADAM_DEFAULTS = Options.of(
            "lr", 1e-3, "betas", new double[] {0.9, 0.999}, "eps", 1e-8, "weight_decay", 0L, "amsgrad", false,
            "maximize", false, "foreach", null, "capturable", false, "differentiable", false, "fused", null,
            "decoupled_weight_decay", false);
    private static final Options ADAMW_DEFAULTS = ADAM_DEFAULTS.with("weight_decay", 1e-2).with("decoupled_weight_decay", true);

    private final boolean adamW;

    private AdamAlgorithm(boolean adamW) {
        this.adamW = adamW;
    }

    /** {@code torch.optim.Adam}. */
    public static AdamAlgorithm adam() {
        return new AdamAlgorithm(false);
    }

    /** {@code torch.optim.AdamW}: Adam with decoupled weight decay, default weight_decay 1e-2. */
    public static AdamAlgorithm adamW() {
        return new AdamAlgorithm(true);
    }

    @Override
    public String name() {
        return adamW ? "AdamW" : "Adam";
    }

    @Override
    public Options defaults() {
        return adamW ? ADAMW_DEFAULTS : ADAM_DEFAULTS;
    }

    /**
     * torch's checks: lr, eps, weight_decay non-negative; both betas in [0, 1); fused and foreach not both true.
     * AdamW also requires decoupled_weight_decay = true (torch's AdamW has no such argument).
     */
    @Override
    public void validate(Options group) {
        OptionChecks.adamFamily(group);
        OptionChecks.flags(group, "amsgrad", "maximize", "capturable", "differentiable", "decoupled_weight_decay");
        OptionChecks.implementationFlags(group);
        if (adamW && !group.getBoolean("decoupled_weight_decay")) {
            throw new IllegalArgumentException("AdamW always decouples weight decay (decoupled_weight_decay=true); "
                    + "use Adam for L2 weight decay through the moments");
        }
    }

    /** Also requires the state keys Adam keeps once it has state, {@code max_exp_avg_sq} included with amsgrad. */
    @Override
    public void validateState(Tensor p, Map<String, Object> state, Options group) {
        Algorithm.super.validateState(p, state, group);
        if (!state.isEmpty()) {
            requireKeys(state, group.getBoolean("amsgrad"));
        }
    }

    private void requireKeys(Map<String, Object> state, boolean amsgrad) {
        for (String k : amsgrad ? new String[] {"step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"}
                : new String[] {"step", "exp_avg", "exp_avg_sq"}) {
            if (!(state.get(k) instanceof Tensor)) {
                throw new IllegalArgumentException(name() + ": state lacks tensor \"" + k + "\" (has " + state.keySet() + ")");
            }
        }
    }

    @Override
    public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
        double lr = group.getDouble("lr");
        double[] betas = group.getDoubles("betas", 2);
        double eps = group.getDouble("eps");
        double wd = group.getDouble("weight_decay");
        boolean amsgrad = group.getBoolean("amsgrad");
        boolean decoupled = group.getBoolean("decoupled_weight_decay");

        Tensor grad = group.getBoolean("maximize") ? g.neg() : g;
        Tensor m;
        Tensor v;
        Tensor vmax = null;
        double t;
        if (state.isEmpty()) {
            t = 1;
            m = Tensor.zerosLike(p);
            v = Tensor.zerosLike(p);
            vmax = amsgrad ? Tensor.zerosLike(p) : null;
        } else {
            requireKeys(state, amsgrad);
            t = ((Tensor) state.get("step")).item() + 1;
            m = (Tensor) state.get("exp_avg");
            v = (Tensor) state.get("exp_avg_sq");
            vmax = amsgrad ? (Tensor) state.get("max_exp_avg_sq") : null;
        }
        Tensor param = p;
        if (wd != 0) {
            if (decoupled) {
                param = p.mul(1 - lr * wd);
            } else {
                grad = grad.add(p.mul(wd));
            }
        }
        m = TensorOps.lerp(m, grad, 1 - betas[0]);
        v = TensorOps.addcmul(v.mul(betas[1]), grad, grad, 1 - betas[1]);
        double bc1 = 1 - Math.pow(betas[0], t);
        double bc2 = 1 - Math.pow(betas[1], t);
        double stepSize = lr / bc1;
        double bc2Sqrt = Math.sqrt(bc2);
        Tensor denom;
        if (amsgrad) {
            vmax = vmax.maximum(v);
            denom = vmax.sqrt().div(bc2Sqrt).add(eps);
        } else {
            denom = v.sqrt().div(bc2Sqrt).add(eps);
        }
        param = TensorOps.addcdiv(param, m, denom, -stepSize);

        Map<String, Object> next = new LinkedHashMap<>();
        next.put("step", Tensor.scalar(t));
        next.put("exp_avg", m);
        next.put("exp_avg_sq", v);
        if (amsgrad) {
            next.put("max_exp_avg_sq", vmax);
        }
        return new ParamStep(param, next);
    }
}
