package dev.metagrad.nn.init;

/**
 * Which fan Kaiming initialisation divides by (torch's {@code mode=}): {@link #FAN_IN} preserves the
 * variance of activations in the forward pass, {@link #FAN_OUT} that of gradients in the backward pass.
 */
public enum FanMode {
    /** {@code fan_in = size(1) * receptive field} (torch's default). */
    FAN_IN,
    /** {@code fan_out = size(0) * receptive field}. */
    FAN_OUT
}
