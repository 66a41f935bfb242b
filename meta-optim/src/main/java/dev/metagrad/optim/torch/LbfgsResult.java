package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.Objects;

/**
 * The outcome of one {@link LbfgsFunctional#step L-BFGS step}.
 *
 * @param x     the flat point after the step
 * @param state the state after the step
 * @param loss  f at the point the step started from ({@code orig_loss}, what torch's {@code step} returns)
 */
public record LbfgsResult(Tensor x, LbfgsState state, Tensor loss) {
    /** Requires every field. */
    public LbfgsResult {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(loss, "loss");
    }
}
