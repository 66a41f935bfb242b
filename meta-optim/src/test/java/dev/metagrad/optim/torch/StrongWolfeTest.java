package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StrongWolfeTest {
    private static Tensor s(double v) {
        return Tensor.scalar(v);
    }

    /**
     * Cubic interpolation of (x1, f1, f1') and (x2, f2, f2'), all taken from a known function, against the
     * function's minimizer worked out by hand.
     */
    static Stream<Arguments> interpolationCases() {
        return Stream.of(
                // p(x) = x^3 - 3x is its own interpolant; local minimum at x = 1
                Arguments.of("cubic x^3-3x on [0,2]", 0.0, 0.0, -3.0, 2.0, 2.0, 9.0, null, null, 1.0),
                Arguments.of("same, points given in reverse", 2.0, 2.0, 9.0, 0.0, 0.0, -3.0, null, null, 1.0),
                // (x - 0.3)^2: the cubic through it degenerates to the quadratic, minimum 0.3
                Arguments.of("quadratic (x-0.3)^2 on [0,1]", 0.0, 0.09, -0.6, 1.0, 0.49, 1.4, null, null, 0.3),
                Arguments.of("quadratic clamped to the lower bound", 0.0, 0.09, -0.6, 1.0, 0.49, 1.4, 0.5, 2.0, 0.5),
                Arguments.of("quadratic clamped to the upper bound", 0.0, 0.09, -0.6, 1.0, 0.49, 1.4, -1.0, 0.1, 0.1),
                // x^3 + x has no stationary point: d2^2 = 4 - 16 < 0, so the midpoint of the bounds
                Arguments.of("no real minimizer: midpoint", -1.0, -2.0, 4.0, 1.0, 2.0, 4.0, null, null, 0.0),
                Arguments.of("no real minimizer: midpoint of given bounds", -1.0, -2.0, 4.0, 1.0, 2.0, 4.0, 1.0, 4.0, 2.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpolationCases")
    void cubicInterpolateFindsTheAnalyticMinimizer(String name, double x1, double f1, double g1, double x2, double f2,
                                                   double g2, Double xmin, Double xmax, double expected) {
        Tensor out = xmin == null
                ? StrongWolfe.cubicInterpolate(s(x1), s(f1), s(g1), s(x2), s(f2), s(g2))
                : StrongWolfe.cubicInterpolate(s(x1), s(f1), s(g1), s(x2), s(f2), s(g2), s(xmin), s(xmax));
        assertThat(out.item()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void cubicInterpolateIsDifferentiableInItsData() {
        // an interior minimizer (no clamping): a smooth function of f1, g1, f2, g2
        assertThat(GradCheck.gradcheck(in -> StrongWolfe.cubicInterpolate(s(0.0), in[0], in[1], s(2.0), in[2], in[3]),
                s(0.1).requiresGrad(true), s(-2.5).requiresGrad(true), s(1.7).requiresGrad(true),
                s(8.0).requiresGrad(true))).isTrue();
    }

    /** f(x) = 0.5 x^2 seen from x = -10 along d = 10: f(t) = 0.5 (10t - 10)^2, minimum at t = 1. */
    private static final Tensor X = Tensor.of(-10.0);
    private static final Tensor D = Tensor.of(10.0);

    private static LbfgsObjective countingQuadratic(List<Double> trials) {
        return x -> {
            trials.add(x.item());
            return new LbfgsEvaluation(x.square().mul(0.5).sum(), x);
        };
    }

    private static StrongWolfe.Result searchFrom(double t0, long maxLs, List<Double> trials) {
        Tensor f = X.square().mul(0.5).sum();
        Tensor g = X;
        return StrongWolfe.search(countingQuadratic(trials), X, s(t0), D, f, g, g.dot(D), maxLs);
    }

    @Test
    void extrapolatesTenfoldUntilTheCurvatureConditionHolds() {
        List<Double> trials = new ArrayList<>();
        StrongWolfe.Result r = searchFrom(0.0005, 25, trials);
        // each extrapolation is capped at 10 t (the cubic's minimizer is t = 1); |f'(t)| = 100 |t - 1| <= 90
        // first holds at the fourth trial, t = 0.5
        assertThat(trials).hasSize(4);
        assertThat(trials.get(0)).isCloseTo(-9.995, within(1e-12));
        assertThat(trials.get(1)).isCloseTo(-9.95, within(1e-12));
        assertThat(trials.get(2)).isCloseTo(-9.5, within(1e-12));
        assertThat(trials.get(3)).isCloseTo(-5.0, within(1e-12));
        assertThat(r.t().item()).isCloseTo(0.5, within(1e-12));
        assertThat(r.evals()).isEqualTo(4);
        assertThat(r.loss().item()).isCloseTo(12.5, within(1e-9));
        assertThat(r.grad().item()).isCloseTo(-5.0, within(1e-12));
    }

    @Test
    void anExhaustedBudgetReturnsTheBetterEndOfZeroAndTheLastTrial() {
        List<Double> trials = new ArrayList<>();
        StrongWolfe.Result r = searchFrom(0.0005, 2, trials);
        // two more trials after the first; the last (t = 0.05) is never tested, only compared with t = 0
        assertThat(r.evals()).isEqualTo(3);
        assertThat(r.t().item()).isCloseTo(0.05, within(1e-15));
        assertThat(r.loss().item()).isCloseTo(0.5 * 9.5 * 9.5, within(1e-9));
        assertThat(r.grad().item()).isCloseTo(-9.5, within(1e-12));
    }

    @Test
    void aZeroBudgetKeepsTheStartWhenTheTrialIsWorse() {
        List<Double> trials = new ArrayList<>();
        // t = 3 overshoots to x = 20, f = 200 > 50: the bracket [0, 3] keeps t = 0
        StrongWolfe.Result r = searchFrom(3.0, 0, trials);
        assertThat(trials).containsExactly(20.0);
        assertThat(r.evals()).isEqualTo(1);
        assertThat(r.t().item()).isEqualTo(0.0);
        assertThat(r.loss().item()).isEqualTo(50.0);
    }

    @Test
    void zoomsIntoABracketAndSatisfiesTheStrongWolfeConditions() {
        List<Double> trials = new ArrayList<>();
        StrongWolfe.Result r = searchFrom(3.0, 25, trials);
        double t = r.t().item();
        double f0 = 50.0;
        double gtd0 = -100.0;
        double ft = 0.5 * Math.pow(10 * t - 10, 2);
        double gtdT = 100 * (t - 1);
        assertThat(trials.size()).isGreaterThan(1);
        assertThat(ft).isLessThanOrEqualTo(f0 + StrongWolfe.C1 * t * gtd0);
        assertThat(Math.abs(gtdT)).isLessThanOrEqualTo(-StrongWolfe.C2 * gtd0);
        assertThat(r.loss().item()).isCloseTo(ft, within(1e-9));
        assertThat(r.evals()).isEqualTo(trials.size());
    }

    @Test
    void aNegativeBudgetIsRejected() {
        assertThatThrownBy(() -> searchFrom(1.0, -1, new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLs");
    }
}
