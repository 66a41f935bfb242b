package dev.metagrad.optim.state;

import dev.metagrad.optim.OptState;

import java.util.List;

/**
 * State of {@code chain}: one state per component, in chain order.
 *
 * @param states the component states (unmodifiable)
 */
public record ChainState(List<OptState> states) implements OptState {
    /** Copies the list, so the state stays immutable. */
    public ChainState {
        states = List.copyOf(states);
    }
}
