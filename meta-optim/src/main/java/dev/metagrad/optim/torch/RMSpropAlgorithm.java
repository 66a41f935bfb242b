package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.RMSprop}'s update (torch 2.13, single-tensor path), per parameter:
 * <pre>
 *   if maximize: g = -g
 *   t = t + 1
 *   if weight_decay != 0: g = g + weight_decay * p
 *   sq = alpha * sq + (1 - alpha) * g * g
 *   if centered: ga = lerp(ga, g, 1 - alpha); avg = sqrt(sq - ga * ga) + eps
 *   else:        avg = sqrt(sq) + eps                   eps outside the sqrt
 *   if momentum &gt; 0: buf = momentum * buf + g / avg; p = p - lr * buf
 *   else:            p = p - lr * g / avg
 * </pre>
 * State (created as zeros at the first step): {@code step} (0-dim float64), {@code square_avg} (sq),
 * {@code momentum_buffer} (buf, only when momentum &gt; 0), {@code grad_avg} (ga, only when centered).
 * Defaults: lr=1e-2, momentum=0, alpha=0.99, eps=1e-8, centered=false, weight_decay=0, maximize=false, plus
 * torch's bookkeeping keys capturable=false, foreach=null, differentiable=false.
 */
public final class RMSpropAlgorithm implements Algorithm {
    private static final Options DEFAULTS = Options.of(
            "lr", 1e-2, "momentum", 0L, "alpha", 0.99, "eps", 1e-8, "centered", false, "weight_decay", 0L,
            "capturable", false, "foreach", null, "maximize", false, "differentiable", false);

    @Override
    public String name() {
        return "RMSprop";
    }

    @Override
    public Options defaults() {
        return DEFAULTS;
    }

    /** torch's checks, in torch's order: lr, eps, momentum, weight_decay, alpha non-negative. */
    @Override
    public void validate(Options group) {
        OptionChecks.learningRate(group);
        OptionChecks.epsilon(group);
        OptionChecks.nonNegative(group, "momentum", "Invalid momentum value");
        OptionChecks.weightDecay(group);
        OptionChecks.nonNegative(group, "alpha", "Invalid alpha value");
        OptionChecks.flags(group, "centered", "capturable", "maximize", "differentiable");
        OptionChecks.implementationFlags(group);
    }

    /**
     * Besides {@link Algorithm#validateState}'s checks, a non-empty loaded state must hold {@code step} and
     * {@code square_avg}, plus {@code momentum_buffer} when momentum &gt; 0 and {@code grad_avg} when centered.
     */
    @Override
    public void validateState(Tensor p, Map<String, Object> state, Options group) {
        Algorithm.super.validateState(p, state, group);
        List<String> buffers = new ArrayList<>(List.of("square_avg"));
        if (group.getDouble("momentum") > 0) {
            buffers.add("momentum_buffer");
        }
        if (group.getBoolean("centered")) {
            buffers.add("grad_avg");
        }
        StepSupport.requireStateOnceStepped(name(), p, state, List.of("step"), buffers);
    }

    @Override
    public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
        double lr = group.getDouble("lr");
        double alpha = group.getDouble("alpha");
        double eps = group.getDouble("eps");
        double momentum = group.getDouble("momentum");
        boolean centered = group.getBoolean("centered");
        Tensor d = StepSupport.direction(g, group);
        Tensor step = StepSupport.nextStep(state, name());
        d = StepSupport.l2(d, p, group.getDouble("weight_decay"));
        Tensor sq = TensorOps.addcmul(StepSupport.buffer(state, "square_avg", p, name()).mul(alpha), d, d, 1 - alpha);
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("step", step);
        next.put("square_avg", sq);
        Tensor ga = null;
        Tensor avg;
        if (centered) {
            ga = TensorOps.lerp(StepSupport.buffer(state, "grad_avg", p, name()), d, 1 - alpha);
            avg = TensorOps.addcmul(sq, ga, ga, -1.0).sqrt();
        } else {
            avg = sq.sqrt();
        }
        avg = avg.add(eps);
        Tensor newP;
        if (momentum > 0) {
            Tensor buf = TensorOps.addcdiv(StepSupport.buffer(state, "momentum_buffer", p, name()).mul(momentum), d, avg, 1.0);
            next.put("momentum_buffer", buf);
            newP = p.add(buf.mul(-lr));
        } else {
            newP = TensorOps.addcdiv(p, d, avg, -lr);
        }
        if (centered) {
            next.put("grad_avg", ga); // torch's key order: step, square_avg, momentum_buffer, grad_avg
        }
        return new ParamStep(newP, next);
    }
}
