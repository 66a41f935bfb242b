package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.Tensor;

import java.util.List;

/**
 * An averaging rule over all tensors of one dtype at once, torch's
 * {@code multi_avg_fn(averaged_param_list, current_param_list, num_averaged)} argument of
 * {@code AveragedModel}. torch's rule updates the averages in place; tensors here are immutable, so the
 * rule returns the new averages, one per input and in the same order. Called from the second update on,
 * with {@code numAveraged >= 1}, inside a no-grad scope on detached tensors.
 *
 * <p>Built-in rules: {@link AveragingFunctions#swaMultiAvgFn()} and {@link AveragingFunctions#emaMultiAvgFn(double)}.
 */
@FunctionalInterface
public interface MultiAvgFn {
    /**
     * The new averages.
     *
     * @param averaged    the current averages
     * @param current     the model's values, element-wise the same shapes and dtypes
     * @param numAveraged how many values the current averages hold, at least 1
     * @return the new averages, as many as {@code averaged} and with their shapes
     */
    List<Tensor> apply(List<Tensor> averaged, List<Tensor> current, long numAveraged);
}
