package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adagrad}'s update (torch 2.13, single-tensor path), per parameter:
 * <pre>
 *   t = t + 1
 *   if maximize: g = -g
 *   if weight_decay != 0: g = g + weight_decay * p
 *   clr = lr / (1 + (t - 1) * lr_decay)           the first step uses the full lr
 *   sum = sum + g * g
 *   p = p - clr * g / (sqrt(sum) + eps)           eps after the sqrt
 * </pre>
 * State: {@code step} (0-dim float64) and {@code sum}, both created when the parameter's group is added
 * ({@link #initialState}): {@code step = 0}, {@code sum = full(initial_accumulator_value)}. As in torch 2.13 the
 * value is the optimizer's (constructor's) {@code initial_accumulator_value} for every parameter, even when a
 * param group overrides it; the override is kept in the group's options and has no effect.
 * Defaults: lr=1e-2, lr_decay=0, eps=1e-10, weight_decay=0, initial_accumulator_value=0, maximize=false, plus
 * torch's bookkeeping keys foreach=null, differentiable=false, fused=null.
 */
public final class AdagradAlgorithm implements Algorithm {
    private static final Options DEFAULTS = Options.of(
            "lr", 1e-2, "lr_decay", 0L, "eps", 1e-10, "weight_decay", 0L, "initial_accumulator_value", 0L,
            "foreach", null, "maximize", false, "differentiable", false, "fused", null);

    @Override
    public String name() {
        return "Adagrad";
    }

    @Override
    public Options defaults() {
        return DEFAULTS;
    }

    /** torch's checks, in torch's order: lr, lr_decay, weight_decay, initial_accumulator_value, eps non-negative. */
    @Override
    public void validate(Options group) {
        OptionChecks.learningRate(group);
        OptionChecks.nonNegative(group, "lr_decay", "Invalid lr_decay value");
        OptionChecks.weightDecay(group);
        OptionChecks.nonNegative(group, "initial_accumulator_value", "Invalid initial_accumulator_value value");
        OptionChecks.epsilon(group);
        OptionChecks.flags(group, "maximize", "differentiable");
        OptionChecks.implementationFlags(group);
    }

    /**
     * {@code step = 0} and {@code sum = full_like(p, defaults.initial_accumulator_value)}: torch reads the
     * constructor's value, not the group's.
     */
    @Override
    public Map<String, Object> initialState(Tensor p, Options group, Options defaults) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("step", Tensor.scalar(0.0));
        state.put("sum", Tensor.fullLike(p, defaults.getDouble("initial_accumulator_value")));
        return state;
    }

    /**
     * Besides {@link Algorithm#validateState}'s checks, a loaded state must hold {@code step} and {@code sum}.
     */
    @Override
    public void validateState(Tensor p, Map<String, Object> state, Options group) {
        Algorithm.super.validateState(p, state, group);
        StepSupport.requireState(name(), p, state, List.of("step"), List.of("sum"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code state} has no {@code sum}: Adagrad's state is made by
     *                                  {@link #initialState} when the group is added, never lazily
     */
    @Override
    public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
        if (!(state.get("sum") instanceof Tensor sum)) {
            throw new IllegalArgumentException("Adagrad: the parameter has no state \"sum\"; Adagrad creates it when the "
                    + "param group is added (initialState), so pass that state to the first step");
        }
        double lr = group.getDouble("lr");
        double lrDecay = group.getDouble("lr_decay");
        double eps = group.getDouble("eps");
        Tensor step = StepSupport.nextStep(state, name());
        double t = step.item();
        Tensor d = StepSupport.l2(StepSupport.direction(g, group), p, group.getDouble("weight_decay"));
        double clr = lr / (1 + (t - 1) * lrDecay);
        Tensor newSum = TensorOps.addcmul(sum, d, d, 1.0);
        Tensor std = newSum.sqrt().add(eps);
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("step", step);
        next.put("sum", newSum);
        return new ParamStep(TensorOps.addcdiv(p, d, std, -clr), next);
    }
}
