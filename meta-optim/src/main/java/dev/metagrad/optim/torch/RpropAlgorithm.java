package dev.metagrad.optim.torch;

import dev.metagrad.autograd.PyFloat;
import dev.metagrad.autograd.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.metagrad.autograd.ops.Comparisons.where;

/**
 * {@code torch.optim.Rprop}'s update (torch 2.13, single-tensor path), per parameter:
 * <pre>
 *   (first step: step = 0, prev = zeros, step_size = full(lr))
 *   if maximize: g = -g
 *   t = t + 1
 *   s = sign(g * prev), then elementwise  &gt;0 -&gt; etaplus,  &lt;0 -&gt; etaminus,  0 -&gt; 1
 *   step_size = clamp(step_size * s, step_size_min, step_size_max)   on every step, also the first
 *   g = g where s != etaminus, 0 where the sign flipped                  no move there, and prev := 0
 *   p = p - sign(g) * step_size
 *   prev = g
 * </pre>
 * with {@code etas = (etaminus, etaplus)} and {@code step_sizes = (step_size_min, step_size_max)}. State:
 * {@code step} (0-dim float64), {@code prev}, {@code step_size}. Defaults: lr=1e-2, etas=(0.5, 1.2),
 * step_sizes=(1e-6, 50), maximize=false, plus torch's bookkeeping keys foreach=null, differentiable=false,
 * capturable=false.
 *
 * <p>Derivatives: the update depends on the gradient only through signs, which are piecewise constant, and the
 * step sizes depend on nothing but signs and lr. Away from sign changes {@code p_{t+1} = p_t - const}, so a
 * meta-gradient through Rprop steps is the identity path: {@code d p_T / d p_0 = I} and
 * {@code d L(p_T) / d p_0 = grad L(p_T)}. Nothing flows into the gradient itself.
 */
public final class RpropAlgorithm implements Algorithm {
    private static final Options DEFAULTS = Options.of(
            "lr", 1e-2, "etas", new double[] {0.5, 1.2}, "step_sizes", new double[] {1e-6, 50}, "foreach", null,
            "maximize", false, "differentiable", false, "capturable", false);

    @Override
    public String name() {
        return "Rprop";
    }

    @Override
    public Options defaults() {
        return DEFAULTS;
    }

    /**
     * torch's checks: lr &gt;= 0 and {@code 0 < etaminus < 1 < etaplus} ({@code "Invalid eta values: 0.5, 0.9"});
     * etas and step_sizes hold two numbers each. torch does not check step_sizes further: a min above the max
     * makes every step size the max, as torch's clamp does.
     */
    @Override
    public void validate(Options group) {
        OptionChecks.learningRate(group);
        double[] etas = group.getDoubles("etas", 2);
        if (!(0.0 < etas[0] && etas[0] < 1.0 && 1.0 < etas[1])) {
            throw new IllegalArgumentException("Invalid eta values: " + PyFloat.repr(etas[0]) + ", " + PyFloat.repr(etas[1]));
        }
        group.getDoubles("step_sizes", 2);
        OptionChecks.flags(group, "maximize", "differentiable", "capturable");
        OptionChecks.implementationFlags(group);
    }

    /**
     * Besides {@link Algorithm#validateState}'s checks, a non-empty loaded state must hold {@code step}, {@code prev}
     * and {@code step_size}.
     */
    @Override
    public void validateState(Tensor p, Map<String, Object> state, Options group) {
        Algorithm.super.validateState(p, state, group);
        StepSupport.requireStateOnceStepped(name(), p, state, List.of("step"), List.of("prev", "step_size"));
    }

    @Override
    public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
        double[] etas = group.getDoubles("etas", 2);
        double[] sizes = group.getDoubles("step_sizes", 2);
        boolean fresh = state.isEmpty();
        Tensor prev = StepSupport.buffer(state, "prev", p, name());
        Tensor stepSize = fresh ? Tensor.fullLike(p, group.getDouble("lr")) : StepSupport.buffer(state, "step_size", p, name());
        Tensor d = StepSupport.direction(g, group);
        Tensor step = StepSupport.nextStep(state, name());
        Tensor s = d.mul(prev).sign();
        Tensor zero = Tensor.scalarLike(s, 0.0);
        Tensor flipped = s.lt(zero);
        // NaN products keep their NaN factor (s itself), as torch's masked assignments leave them untouched
        Tensor factor = where(s.gt(zero), Tensor.scalarLike(s, etas[1]),
                where(flipped, Tensor.scalarLike(s, etas[0]), where(s.eq(zero), Tensor.scalarLike(s, 1.0), s)));
        Tensor newStepSize = clamp(stepSize.mul(factor), sizes[0], sizes[1]);
        Tensor kept = where(flipped, zero, d);
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("step", step);
        next.put("prev", kept);
        next.put("step_size", newStepSize);
        return new ParamStep(TensorOps.addcmul(p, kept.sign(), newStepSize, -1.0), next);
    }

    /** torch.clamp(x, min, max): {@code min(max(x, min), max)}, so the max wins when min &gt; max. */
    private static Tensor clamp(Tensor x, double min, double max) {
        return min <= max ? x.clamp(min, max) : x.clamp(max, max);
    }
}
