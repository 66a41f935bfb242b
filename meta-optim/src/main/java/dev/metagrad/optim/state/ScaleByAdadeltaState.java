package dev.metagrad.optim.state;

import dev.metagrad.optim.OptState;

/**
 * State of {@code scaleByAdadelta}.
 *
 * @param mu running average of squared gradients {@code sq}
 * @param nu running average of squared updates {@code dx}
 */
public record ScaleByAdadeltaState(Object mu, Object nu) implements OptState {
}
