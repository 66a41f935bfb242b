package dev.metagrad.optim.torch.lr;

import java.util.Map;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * The {@code lr_lambda} of {@link LambdaLR} and {@link MultiplicativeLR}: a factor λ(epoch) of the
 * scheduler's integer {@code last_epoch}. A plain Java lambda keeps no state, so its entry in the
 * scheduler's state dict is {@code null}, as torch stores {@code None} for plain functions. A callable
 * object with state (torch saves its {@code __dict__}) implements {@link #stateDict()} and
 * {@link #loadStateDict(Map)}.
 */
@FunctionalInterface
public interface LrLambda extends IntToDoubleFunction {
    /**
     * λ(epoch).
     *
     * @param epoch the scheduler's {@code last_epoch}
     */
    @Override
    double applyAsDouble(int epoch);

    /** The lambda's own state for the scheduler's state dict, or null when it keeps none (the default). */
    default Map<String, Object> stateDict() {
        return null;
    }

    /**
     * Restores state saved by {@link #stateDict()}.
     *
     * @throws IllegalArgumentException by default: a lambda without state cannot load any
     */
    default void loadStateDict(Map<String, Object> state) {
        throw new IllegalArgumentException("this lr_lambda keeps no state, but the state dict holds "
                + (state == null ? "null" : state.keySet()) + " for it");
    }

    /** An {@link LrLambda} from any {@link IntToDoubleFunction}. */
    static LrLambda of(IntToDoubleFunction f) {
        Objects.requireNonNull(f, "f");
        return f instanceof LrLambda l ? l : f::applyAsDouble;
    }
}
