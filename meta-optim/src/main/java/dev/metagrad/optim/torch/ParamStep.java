package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one {@link Algorithm#step}: the parameter after the update and the parameter's new state
 * ({@code optimizer.state[p]} after the step, keys as torch names them).
 *
 * @param param the updated parameter
 * @param state the new per-parameter state, in insertion order; stored as an unmodifiable copy
 */
public record ParamStep(Tensor param, Map<String, Object> state) {
    /** @throws NullPointerException when an argument is null */
    public ParamStep {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(state, "state");
        state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }
}
