package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.function.Supplier;

/**
 * The arguments of one {@link Optimizer#step(Supplier)} call as step hooks see them: torch's
 * {@code (args, kwargs)} of {@code step}, whose only argument is the closure.
 *
 * @param closure the closure, or null for {@code step()}
 */
public record StepArgs(Supplier<Tensor> closure) {
    /** The arguments of {@code step()} without a closure. */
    public static StepArgs none() {
        return new StepArgs(null);
    }
}
