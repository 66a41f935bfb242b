package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One {@code torch.optim} algorithm as a per-parameter update written with differentiable {@link Tensor}
 * ops. The same object drives the classic optimizer ({@link AlgorithmOptimizer}, which runs
 * {@link #step} without recording a graph) and the differentiable transformation
 * ({@link TorchTransforms#of}, which records it so a meta-gradient flows through the update).
 *
 * <p>State values are what torch keeps in {@code optimizer.state[p]}: tensors (a counter such as
 * {@code step} is a 0-dim float64 tensor, as torch keeps it), plain numbers, or lists of these.
 * Implementations are stateless and thread-safe; {@link #step} is pure.
 */
public interface Algorithm extends GroupRules {
    /** torch's class name, e.g. {@code "Adam"}; the key of {@link Algorithms}. */
    String name();

    /**
     * Every option with torch's default, in torch's {@code param_groups} key order, bookkeeping keys
     * ({@code foreach}, {@code differentiable}, ...) included. These are also the only keys a user may set.
     */
    Options defaults();

    /**
     * One update of one parameter: pure, so neither argument nor {@code state} is changed.
     *
     * @param p     the parameter
     * @param g     its gradient, same shape and dtype
     * @param state its state before the step (empty before the first step of a lazily initialised algorithm)
     * @param group the resolved options of p's param group
     * @return the new parameter and the new state
     */
    ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group);

    /**
     * Checks state about to be loaded: every tensor in it (also inside lists) must be floating point, and
     * either 0-dim (a counter such as {@code step}) or shaped like {@code p} with p's dtype. Algorithms
     * whose state has other shapes override this.
     */
    @Override
    default void validateState(Tensor p, Map<String, Object> state, Options group) {
        for (Map.Entry<String, Object> e : state.entrySet()) {
            checkStateValue(p, e.getKey(), e.getValue());
        }
    }

    private void checkStateValue(Tensor p, String key, Object value) {
        if (value instanceof Tensor t) {
            if (!t.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException(name() + ": state \"" + key + "\" must be floating point, got " + t.dtype());
            }
            if (t.dim() == 0) {
                return;
            }
            if (!Arrays.equals(t.shape(), p.shape()) || t.dtype() != p.dtype()) {
                throw new IllegalArgumentException(name() + ": state \"" + key + "\" has shape " + Arrays.toString(t.shape())
                        + " " + t.dtype() + " but the parameter is " + Arrays.toString(p.shape()) + " " + p.dtype());
            }
        } else if (value instanceof List<?> l) {
            for (Object o : l) {
                checkStateValue(p, key, o);
            }
        } else if (value != null && !(value instanceof Number) && !(value instanceof Boolean)) {
            throw new IllegalArgumentException(name() + ": state \"" + key + "\" has unsupported type "
                    + value.getClass().getSimpleName());
        }
    }
}
