package dev.metagrad.optim.state;

import dev.metagrad.optim.OptState;

/**
 * State of {@code scaleByStddev} (centered RMSProp).
 *
 * @param mu running average of gradients
 * @param nu running average of squared gradients
 */
public record ScaleByRStdDevState(Object mu, Object nu) implements OptState {
}
