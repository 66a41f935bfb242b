package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Comparisons;
import dev.metagrad.optim.Arguments;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.state.ScaleByRssState;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * AdaGrad's rescaling by the root of the summed squares (TorchOpt {@code scale_by_rss}):
 * <pre>
 *   acc = acc + g·g                                   acc starts at initial_accumulator_value
 *   u   = g / (sqrt(acc) + eps)  where acc > 0,  else 0          eps outside the sqrt
 * </pre>
 */
public final class ScaleByRss implements GradientTransformation {
    private final double initialAccumulatorValue;
    private final double eps;

    /**
     * @throws IllegalArgumentException when either argument is negative
     */
    public ScaleByRss(double initialAccumulatorValue, double eps) {
        this.initialAccumulatorValue = Arguments.nonNegative("initial_accumulator_value", initialAccumulatorValue);
        this.eps = Arguments.nonNegative("eps", eps);
    }

    @Override
    public OptState init(Object params) {
        return new ScaleByRssState(Moments.filled(params, initialAccumulatorValue, false));
    }

    @Override
    public Update update(Object updates, OptState state, Object params, boolean inplace) {
        ScaleByRssState s = Leaves.state("scaleByRss", state, ScaleByRssState.class);
        Flattened g = Trees.flatten(updates);
        int n = g.leaves().size();
        List<Tensor> acc = Leaves.matching("scaleByRss", "sum_of_squares", s.sumOfSquares(), n);
        List<Tensor> out = new ArrayList<>(n);
        List<Tensor> sums = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Tensor gi = g.leaves().get(i);
            Tensor sum = acc.get(i).add(gi.square());
            Tensor zero = Tensor.scalarLike(sum, 0.0);
            out.add(Comparisons.where(sum.gt(zero), gi.div(sum.sqrt().add(eps)), zero));
            sums.add(sum);
        }
        return new Update(g.def().unflatten(out), new ScaleByRssState(g.def().unflatten(sums)));
    }
}
