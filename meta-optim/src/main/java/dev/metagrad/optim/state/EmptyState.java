package dev.metagrad.optim.state;

import dev.metagrad.optim.OptState;

/**
 * The state of a stateless transformation (scale, weight decay, clipping, ...).
 */
public record EmptyState() implements OptState {
    /** The one instance (all empty states are equal anyway). */
    public static final EmptyState INSTANCE = new EmptyState();
}
