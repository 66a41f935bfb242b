package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Tensor;

/**
 * The outcome of {@link HyperTrainer#train}.
 *
 * @param initial          the starting log-penalties {@code l₀}
 * @param learned          the log-penalties after the last step
 * @param validationLosses the validation loss at the log-penalties before each step
 * @param ms               the time of each step (hypergradient and update) in milliseconds
 * @param before           scores at {@code l₀}
 * @param after            scores at the learned log-penalties
 */
public record HyperRun(Tensor initial, Tensor learned, double[] validationLosses, double[] ms, Evaluation before,
                       Evaluation after) {
}
