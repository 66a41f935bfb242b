package dev.metagrad.optim.state;

import dev.metagrad.optim.OptState;

/**
 * State of {@code scaleByRms}.
 *
 * @param nu running average of squared gradients
 */
public record ScaleByRmsState(Object nu) implements OptState {
}
