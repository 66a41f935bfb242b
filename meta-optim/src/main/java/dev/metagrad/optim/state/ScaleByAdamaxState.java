package dev.metagrad.optim.state;

import dev.metagrad.optim.OptState;

/**
 * State of {@code scaleByAdamax}.
 *
 * @param mu first moment {@code m}
 * @param nu infinity-norm moment {@code n}
 * @param t  the step number of the next update (starts at 1)
 */
public record ScaleByAdamaxState(Object mu, Object nu, long t) implements OptState {
}
