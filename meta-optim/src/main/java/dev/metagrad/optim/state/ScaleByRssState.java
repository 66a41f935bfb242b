package dev.metagrad.optim.state;

import dev.metagrad.optim.OptState;

/**
 * State of {@code scaleByRss} (AdaGrad).
 *
 * @param sumOfSquares accumulated squared gradients {@code acc}
 */
public record ScaleByRssState(Object sumOfSquares) implements OptState {
}
