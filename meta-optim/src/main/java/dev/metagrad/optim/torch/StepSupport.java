package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Pieces shared by the per-parameter algorithms of this package (Adamax, Adagrad, Adadelta, RMSprop, RAdam,
 * NAdam, ASGD, Rprop), each written with differentiable {@link Tensor} ops.
 */
final class StepSupport {
    private StepSupport() {
    }

    /** {@code -g} when the group maximizes, else {@code g}: torch negates the gradient before anything else. */
    static Tensor direction(Tensor g, Options group) {
        return group.getBoolean("maximize") ? g.neg() : g;
    }

    /** Coupled L2 weight decay {@code g + wd * p} (torch's {@code grad.add(param, alpha=wd)}), or g when wd == 0. */
    static Tensor l2(Tensor g, Tensor p, double wd) {
        return wd != 0 ? g.add(p.mul(wd)) : g;
    }

    /**
     * The step counter after this step: {@code state.step + 1} as a 0-dim float64 tensor (0 before the first step).
     *
     * @throws IllegalArgumentException when {@code step} is not a 0-dim tensor
     */
    static Tensor nextStep(Map<String, Object> state, String who) {
        Object s = state.get("step");
        if (s == null) {
            return Tensor.scalar(1.0);
        }
        return Tensor.scalar(scalarValue(s, who, "step") + 1.0);
    }

    /**
     * The value of a scalar state entry (a 0-dim tensor or a number).
     *
     * @throws IllegalArgumentException when it is neither
     */
    static double scalarValue(Object v, String who, String key) {
        if (v instanceof Tensor t && t.numel() == 1) {
            return t.item();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(who + ": state \"" + key + "\" must be a 0-dim tensor or a number, got " + v);
    }

    /**
     * The tensor state entry {@code key}: zeros like {@code p} on the parameter's first step (torch creates its
     * buffers lazily, when {@code state} is still empty), else the stored tensor.
     *
     * @throws IllegalArgumentException when a started state lacks {@code key} (torch fails there too: an option that
     *                                  adds a buffer, such as {@code centered}, was switched on after the first step)
     *                                  or holds something other than a tensor
     */
    static Tensor buffer(Map<String, Object> state, String key, Tensor p, String who) {
        Object v = state.get(key);
        if (v == null && state.isEmpty()) {
            return Tensor.zerosLike(p);
        }
        if (v instanceof Tensor t) {
            return t;
        }
        throw new IllegalArgumentException(who + ": state \"" + key + "\" must be a tensor, got "
                + (v == null ? "none (the option that needs it was enabled after the first step?)" : v));
    }

    /**
     * Checks a state about to be loaded: each of {@code scalars} is a number or a 0-dim tensor, each of
     * {@code buffers} a tensor shaped like {@code p} (shape and dtype are checked by
     * {@link Algorithm#validateState}'s default, which callers run too).
     *
     * @throws IllegalArgumentException naming the first missing or malformed key
     */
    static void requireState(String who, Tensor p, Map<String, Object> state, List<String> scalars, List<String> buffers) {
        for (String k : scalars) {
            Object v = state.get(k);
            if (!(v instanceof Number) && !(v instanceof Tensor t && t.dim() == 0)) {
                throw new IllegalArgumentException(who + ": state \"" + k + "\" must be a 0-dim tensor, got "
                        + StateValues.describe(v) + " (state keys " + state.keySet() + ")");
            }
        }
        for (String k : buffers) {
            Object v = state.get(k);
            if (!(v instanceof Tensor t) || !Arrays.equals(t.shape(), p.shape())) {
                throw new IllegalArgumentException(who + ": state \"" + k + "\" must be a tensor of the parameter's shape "
                        + Arrays.toString(p.shape()) + ", got " + StateValues.describe(v)
                        + " (state keys " + state.keySet() + ")");
            }
        }
    }

    /**
     * {@link #requireState} for an algorithm that creates its state at a parameter's first step: an empty state
     * (nothing stored yet) passes, a started one must be complete.
     */
    static void requireStateOnceStepped(String who, Tensor p, Map<String, Object> state, List<String> scalars,
                                        List<String> buffers) {
        if (!state.isEmpty()) {
            requireState(who, p, state, scalars, buffers);
        }
    }
}
