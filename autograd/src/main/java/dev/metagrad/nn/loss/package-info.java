/**
 * Losses as objects ({@code torch.nn.MSELoss}, {@code CrossEntropyLoss}, ...): immutable settings around the
 * functional losses of {@code dev.metagrad.autograd.ops.Losses}, behind the {@link dev.metagrad.nn.loss.Loss}
 * interface.
 */
package dev.metagrad.nn.loss;
