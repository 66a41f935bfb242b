package dev.metagrad.optim;

/**
 * A step-size schedule: the value to use at a given step count (optax/TorchOpt {@code Schedule}). Optimizers
 * evaluate it at {@code count = t - 1}, so step {@code t = 1} uses {@code at(0)}.
 */
@FunctionalInterface
public interface Schedule {
    /**
     * The value at {@code count}.
     *
     * @param count the number of updates already made (0 for the first step)
     */
    double at(long count);
}
