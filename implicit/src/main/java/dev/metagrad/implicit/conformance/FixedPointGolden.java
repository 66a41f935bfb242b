package dev.metagrad.implicit.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.implicit.CustomRootOptions;
import dev.metagrad.implicit.FixedPointMap;
import dev.metagrad.implicit.Implicit;
import dev.metagrad.implicit.RootSolver;

import java.util.List;
import java.util.Map;

/**
 * {@code problem: "fixed_point"} (FORMAT-torchopt.md §9.2): {@code x* = tanh(W x* + θ)}, found by
 * {@code solver(x0, θ, W)} with 300 iterations from {@code x0 = 0}, differentiated by
 * {@link Implicit#customFixedPoint} (residual {@code F = x − tanh(W x + θ)}); outer loss
 * {@code 0.5 Σ (x* − target)²}.
 */
final class FixedPointGolden implements GoldenProblem {
    static final int ITERATIONS = 300;

    private final Tensor w;
    private final Tensor theta;
    private final Tensor target;

    FixedPointGolden(Map<String, Object> data) {
        this.w = GoldenTensors.decode(data.get("W"), "data.W");
        this.theta = GoldenTensors.decode(data.get("theta"), "data.theta");
        this.target = GoldenTensors.decode(data.get("target"), "data.target");
    }

    @Override
    public List<String> argNames() {
        return List.of("theta", "W");
    }

    @Override
    public List<Tensor> args() {
        return List.of(theta, w);
    }

    @Override
    public Tensor z0() {
        return Tensor.zerosLike(theta);
    }

    @Override
    public RootSolver rootSolver(CustomRootOptions options) {
        FixedPointMap f = (x, args) -> ((Tensor) args.get(1)).matmul((Tensor) x).add((Tensor) args.get(0)).tanh();
        return Implicit.customFixedPoint(f, (x0, args) -> {
            Object x = x0;
            for (int k = 0; k < ITERATIONS; k++) {
                x = f.apply(x, args);
            }
            return x;
        }, options);
    }

    @Override
    public Tensor outerLoss(Tensor x) {
        return x.sub(target).square().sum().mul(0.5);
    }

    @Override
    public String solutionField() {
        return "x_star";
    }
}
