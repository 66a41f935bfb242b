package dev.metagrad.optim;

/**
 * Marker for the state of a {@link GradientTransformation}. States are immutable records (see
 * {@code dev.metagrad.optim.state}); {@code update} returns a new state instead of changing the old one.
 */
public interface OptState {
}
