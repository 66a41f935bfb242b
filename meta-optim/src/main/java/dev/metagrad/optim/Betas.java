package dev.metagrad.optim;

/**
 * The pair of exponential decay rates of Adam-like optimizers (TorchOpt's {@code betas}).
 *
 * @param b1 decay of the first moment
 * @param b2 decay of the second moment
 */
public record Betas(double b1, double b2) {
}
