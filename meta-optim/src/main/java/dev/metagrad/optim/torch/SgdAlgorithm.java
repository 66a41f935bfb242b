package dev.metagrad.optim.torch;

import dev.metagrad.autograd.PyFloat;
import dev.metagrad.autograd.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code torch.optim.SGD}'s update (torch 2.13, single-tensor path), per parameter:
 * <pre>
 *   if maximize: g = -g
 *   if weight_decay != 0: g = g + weight_decay * p
 *   if momentum != 0:
 *       buf = g                                           on the first step (no dampening factor)
 *       buf = momentum * buf + (1 - dampening) * g        afterwards
 *       g = g + momentum * buf   if nesterov   else   buf
 *   p = p - lr * g
 * </pre>
 * State: {@code momentum_buffer} only when momentum != 0; otherwise none ({@code {}}).
 * Defaults: lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=false, maximize=false, plus torch's
 * bookkeeping keys foreach=null, differentiable=false, fused=null.
 *
 * <p>torch detaches the first momentum buffer ({@code clone(grad).detach()}); here it stays part of the graph, so
 * a meta-gradient through {@link TorchTransforms} sees every step (the classic step records nothing anyway).
 */
public final class SgdAlgorithm implements Algorithm {
    private static final Options DEFAULTS = Options.of(
            "lr", 1e-3, "momentum", 0L, "dampening", 0L, "weight_decay", 0L, "nesterov", false, "maximize", false,
            "foreach", null, "differentiable", false, "fused", null);

    @Override
    public String name() {
        return "SGD";
    }

    @Override
    public Options defaults() {
        return DEFAULTS;
    }

    /**
     * torch's checks: lr, momentum and weight_decay non-negative; nesterov needs momentum &gt; 0 and zero dampening.
     */
    @Override
    public void validate(Options group) {
        OptionChecks.learningRate(group);
        double momentum = OptionChecks.nonNegative(group, "momentum", "Invalid momentum value");
        OptionChecks.weightDecay(group);
        double dampening = group.getDouble("dampening");
        if (Double.isNaN(dampening)) {
            throw new IllegalArgumentException("Invalid dampening value: " + PyFloat.repr(dampening));
        }
        OptionChecks.flags(group, "nesterov", "maximize", "differentiable");
        OptionChecks.implementationFlags(group);
        if (group.getBoolean("nesterov") && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
    }

    @Override
    public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
        double lr = group.getDouble("lr");
        double momentum = group.getDouble("momentum");
        double dampening = group.getDouble("dampening");
        double wd = group.getDouble("weight_decay");
        Tensor d = group.getBoolean("maximize") ? g.neg() : g;
        if (wd != 0) {
            d = d.add(p.mul(wd));
        }
        Map<String, Object> next = new LinkedHashMap<>(state);
        if (momentum != 0) {
            Tensor buf = (Tensor) state.get("momentum_buffer");
            buf = buf == null ? d : buf.mul(momentum).add(d.mul(1 - dampening));
            next.put("momentum_buffer", buf);
            d = group.getBoolean("nesterov") ? d.add(buf.mul(momentum)) : buf;
        }
        return new ParamStep(p.add(d.mul(-lr)), next);
    }
}
