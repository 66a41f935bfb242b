package dev.metagrad.optim.state;

import dev.metagrad.optim.OptState;

/**
 * State of {@code scaleByRAdam}.
 *
 * @param mu first moment {@code m}
 * @param nu second moment {@code v}
 * @param t  the step number of the next update (starts at 1; one ahead of the steps taken)
 */
public record ScaleByRAdamState(Object mu, Object nu, long t) implements OptState {
}
