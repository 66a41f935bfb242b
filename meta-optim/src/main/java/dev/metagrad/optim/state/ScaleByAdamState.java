package dev.metagrad.optim.state;

import dev.metagrad.optim.OptState;

/**
 * State of {@code scaleByAdam}.
 *
 * @param mu    first moment {@code m}
 * @param nu    second moment {@code v}
 * @param count per-leaf step count {@code t} (a tree of 0-dim int64 tensors)
 */
public record ScaleByAdamState(Object mu, Object nu, Object count) implements OptState {
}
