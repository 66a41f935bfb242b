package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.Tensor;

/**
 * A per-tensor averaging rule, torch's {@code avg_fn(averaged_param, current_param, num_averaged)} argument
 * of {@code AveragedModel}: returns the new average of one parameter from its current average and the
 * model's value. {@link AveragedModel} and {@link AveragedParameters} call it only from the second update
 * on (the first update copies), with {@code numAveraged >= 1} the number of values averaged so far, inside
 * a no-grad scope on detached tensors.
 *
 * <p>Built-in rules: {@link AveragingFunctions#swaAvgFn()} and {@link AveragingFunctions#emaAvgFn(double)}.
 */
@FunctionalInterface
public interface AvgFn {
    /**
     * The new average.
     *
     * @param averaged    the current average (never modified: tensors are immutable)
     * @param current     the model's value, same shape and dtype
     * @param numAveraged how many values the current average holds, at least 1
     * @return the new average, with the shape of {@code averaged}
     */
    Tensor apply(Tensor averaged, Tensor current, long numAveraged);
}
