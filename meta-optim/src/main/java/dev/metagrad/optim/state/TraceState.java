package dev.metagrad.optim.state;

import dev.metagrad.optim.OptState;

/**
 * State of {@code trace}: the momentum buffer.
 *
 * @param trace the buffer {@code buf}, shaped like the parameters
 */
public record TraceState(Object trace) implements OptState {
}
