package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.data.SplitMix64;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic ridge problem of the implicit-differentiation benchmark, drawn exactly as
 * {@code benchmarks/python/implicit_ridge_torch.py} draws it: from {@link SplitMix64}{@code (seed)}, in this
 * order, {@code X_train [n, d]}, {@code X_val [n, d]}, {@code w_true [d]}, the training noise {@code [n]},
 * the validation noise {@code [n]} and the log-penalties {@code [d]}, all uniform in {@code [-1, 1)};
 * {@code y = X w_true + 0.5 noise}, {@code l = 0.5 u}. The test rows (which the script does not have) are
 * drawn after those.
 *
 * @param problem      the ridge problem on those rows
 * @param logPenalties the log-penalties {@code l} at which the benchmark differentiates
 */
public record SyntheticRidge(RidgeHyperProblem problem, Tensor logPenalties) {
    /**
     * Draws the problem.
     *
     * @param n    training rows (and validation rows, and test rows)
     * @param d    features
     * @param seed the SplitMix64 seed (the script's {@code --seed}, 42 by default)
     */
    public static SyntheticRidge generate(int n, int d, long seed) {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("SyntheticRidge: n and d must be positive, got " + n + " and " + d);
        }
        SplitMix64 g = new SplitMix64(seed);
        Tensor xTrain = Tensor.of(g.uniform(n * d), n, d);
        Tensor xVal = Tensor.of(g.uniform(n * d), n, d);
        Tensor wTrue = Tensor.of(g.uniform(d), d);
        Tensor yTrain = xTrain.matmul(wTrue).add(Tensor.of(g.uniform(n), n).mul(0.5));
        Tensor yVal = xVal.matmul(wTrue).add(Tensor.of(g.uniform(n), n).mul(0.5));
        Tensor l = Tensor.of(g.uniform(d), d).mul(0.5);
        Tensor xTest = Tensor.of(g.uniform(n * d), n, d);
        Tensor yTest = xTest.matmul(wTrue).add(Tensor.of(g.uniform(n), n).mul(0.5));
        List<String> names = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return new SyntheticRidge(new RidgeHyperProblem("synthetic ridge n=" + n + " d=" + d, names, xTrain, yTrain, xVal,
                yVal, xTest, yTest), l);
    }
}
