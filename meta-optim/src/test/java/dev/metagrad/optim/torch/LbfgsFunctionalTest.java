package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LbfgsFunctionalTest {
    /** Rosenbrock's function (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1). */
    static Tensor rosenbrock(Tensor v) {
        Tensor x = v.narrow(0, 0, 1);
        Tensor y = v.narrow(0, 1, 1);
        return x.rsub(1.0).square().add(y.sub(x.square()).square().mul(100.0)).sum();
    }

    @ParameterizedTest
    @EnumSource(LbfgsLineSearch.class)
    void rosenbrockConvergesToItsMinimum(LbfgsLineSearch lineSearch) {
        LbfgsOptions options = LbfgsOptions.defaults().withLineSearch(lineSearch).withMaxIter(100)
                .withToleranceGrad(1e-12).withToleranceChange(1e-15);
        LbfgsResult r = LbfgsFunctional.step(options, LbfgsState.initial(), Tensor.of(-1.5, 2.0),
                LbfgsObjective.of(LbfgsFunctionalTest::rosenbrock, false));
        assertThat(r.loss().item()).isCloseTo(rosenbrock(Tensor.of(-1.5, 2.0)).item(), within(1e-12));
        assertThat(r.x().toDoubleArray()).containsExactly(new double[]{1.0, 1.0}, within(1e-6));
        assertThat(r.state().nIter()).isBetween(2L, 100L);
    }

    @ParameterizedTest
    @EnumSource(LbfgsLineSearch.class)
    void rosenbrockWithDefaultOptionsGetsCloseOverSteps(LbfgsLineSearch lineSearch) {
        LbfgsOptions options = LbfgsOptions.defaults().withLineSearch(lineSearch);
        LbfgsObjective objective = LbfgsObjective.of(LbfgsFunctionalTest::rosenbrock, false);
        Tensor x = Tensor.of(-1.5, 2.0);
        LbfgsState state = LbfgsState.initial();
        for (int step = 0; step < 10; step++) {
            LbfgsResult r = LbfgsFunctional.step(options, state, x, objective);
            x = r.x();
            state = r.state();
        }
        assertThat(x.toDoubleArray()).containsExactly(new double[]{1.0, 1.0}, within(1e-3));
    }

    /** f(x) = 0.5 x^2 from x = -10: g = -10, d = 10, first step t = min(1, 1/10) lr. */
    private static LbfgsResult quadraticFromMinusTen(LbfgsOptions options, List<Double> evaluatedAt) {
        LbfgsObjective f = x -> {
            evaluatedAt.add(x.item());
            return new LbfgsEvaluation(x.square().mul(0.5).sum(), x);
        };
        return LbfgsFunctional.step(options, LbfgsState.initial(), Tensor.of(-10.0), f);
    }

    @Test
    void theLineSearchMayOnlyUseTheEvaluationsLeftInTheStep() {
        // lr 0.005: t = 0.0005, the search extrapolates tenfold per trial; max_eval 3 leaves max_ls = 2, so the
        // third trial (t = 0.05) is taken untested: with the old fixed max_ls = 25 it would go on to t = 0.5
        List<Double> at = new ArrayList<>();
        LbfgsOptions options = LbfgsOptions.defaults().withLr(0.005).withMaxIter(4).withMaxEval(3)
                .withLineSearch(LbfgsLineSearch.STRONG_WOLFE);
        LbfgsResult r = quadraticFromMinusTen(options, at);
        assertThat(at).hasSize(4);
        assertThat(r.x().item()).isCloseTo(-9.5, within(1e-12));
        assertThat(r.state().funcEvals()).isEqualTo(4); // one above max_eval, as torch 2.x
        assertThat(r.state().nIter()).isEqualTo(1);
        assertThat(r.state().t().item()).isCloseTo(0.05, within(1e-15));
    }

    @Test
    void withEnoughBudgetTheSameSearchReachesTheMinimum() {
        List<Double> at = new ArrayList<>();
        LbfgsOptions options = LbfgsOptions.defaults().withLr(0.005).withMaxIter(1).withMaxEval(25)
                .withLineSearch(LbfgsLineSearch.STRONG_WOLFE);
        LbfgsResult r = quadraticFromMinusTen(options, at);
        assertThat(at).hasSize(5);
        assertThat(r.x().item()).isCloseTo(-5.0, within(1e-12));
        assertThat(r.state().funcEvals()).isEqualTo(5);
        assertThat(r.state().nIter()).isEqualTo(1);
    }

    @Test
    void withoutLineSearchTheLastInnerIterationDoesNotReevaluate() {
        List<Double> at = new ArrayList<>();
        LbfgsOptions options = LbfgsOptions.defaults().withLr(0.5).withMaxIter(2).withMaxEval(10);
        LbfgsResult r = quadraticFromMinusTen(options, at);
        // x0 = -10; t = 0.1 * 0.5 -> x1 = -9.5; then (H = 1 after the pair y = s) d = 9.5, t = 0.5 -> x2 = -4.75
        assertThat(at).containsExactly(-10.0, -9.5);
        assertThat(r.x().item()).isCloseTo(-4.75, within(1e-12));
        assertThat(r.state().funcEvals()).isEqualTo(2);
        assertThat(r.state().nIter()).isEqualTo(2);
        assertThat(r.state().prevLoss().item()).isCloseTo(0.5 * 9.5 * 9.5, within(1e-12));
        assertThat(r.state().prevFlatGrad().item()).isCloseTo(-9.5, within(1e-12));
        assertThat(r.state().hDiag().item()).isCloseTo(1.0, within(1e-12));
        assertThat(r.state().ro()).hasSize(1);
        assertThat(r.state().al()).hasSize(100);
        assertThat(r.state().al().get(1)).isNull();
        assertThat(r.loss().item()).isEqualTo(50.0);
    }

    @Test
    void aSmallGradientReturnsAtOnceCountingOneEvaluation() {
        Tensor x = Tensor.of(1e-8, -2e-8);
        LbfgsResult r = LbfgsFunctional.step(LbfgsOptions.defaults(), LbfgsState.initial(), x,
                v -> new LbfgsEvaluation(v.square().mul(0.5).sum(), v));
        assertThat(r.x()).isSameAs(x);
        assertThat(r.state().funcEvals()).isEqualTo(1);
        assertThat(r.state().nIter()).isZero();
        assertThat(r.state().hasHistory()).isFalse();
    }

    @Test
    void historyIsCappedAtHistorySizeDroppingTheOldestPair() {
        LbfgsOptions options = LbfgsOptions.defaults().withHistorySize(2).withMaxIter(6).withLr(0.3)
                .withToleranceChange(0);
        LbfgsObjective objective = LbfgsObjective.of(LbfgsFunctionalTest::rosenbrock, false);
        LbfgsResult r = LbfgsFunctional.step(options, LbfgsState.initial(), Tensor.of(-1.5, 2.0), objective);
        assertThat(r.state().nIter()).isEqualTo(6);
        assertThat(r.state().oldDirs()).hasSize(2);
        assertThat(r.state().oldStps()).hasSize(2);
        assertThat(r.state().al()).hasSize(2);
        // the newest pair is y = g_6 - g_5, s = t d_5 of the last iteration that re-evaluated (the fifth)
        LbfgsResult five = LbfgsFunctional.step(options.withMaxIter(5), LbfgsState.initial(), Tensor.of(-1.5, 2.0),
                objective);
        assertThat(five.state().oldStps().get(1).toDoubleArray())
                .containsExactly(r.state().oldStps().get(0).toDoubleArray(), within(1e-15));
    }

    @Test
    void badInputsAreNamed() {
        LbfgsObjective quadratic = v -> new LbfgsEvaluation(v.square().sum(), v.mul(2.0));
        assertThatThrownBy(() -> LbfgsFunctional.step(LbfgsOptions.defaults(), LbfgsState.initial(),
                Tensor.zeros(2, 2), quadratic)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vector").hasMessageContaining("[2, 2]");
        assertThatThrownBy(() -> LbfgsFunctional.step(LbfgsOptions.defaults(), LbfgsState.initial(),
                Tensor.of(1.0, 2.0), v -> new LbfgsEvaluation(v.square().sum(), Tensor.of(1.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flat gradient");
        assertThatThrownBy(() -> LbfgsFunctional.step(LbfgsOptions.defaults(), LbfgsState.initial(),
                Tensor.of(1.0, 2.0), v -> new LbfgsEvaluation(v.square(), v.mul(2.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one element");
        LbfgsState twoDims = LbfgsFunctional.step(LbfgsOptions.defaults().withMaxIter(2), LbfgsState.initial(),
                Tensor.of(1.0, 2.0), quadratic).state();
        assertThatThrownBy(() -> LbfgsFunctional.step(LbfgsOptions.defaults(), twoDims, Tensor.of(1.0, 2.0, 3.0),
                quadratic)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 elements");
    }

    // ---- differentiable use: meta-gradients through two L-BFGS steps ----

    private static final Tensor WEIGHTS = Tensor.of(1.5, 0.7, 2.0);

    /** A smooth quartic inner objective with hyperparameter theta: Σ 0.5 w x² + 0.1 x⁴ - θ x. */
    private static Tensor inner(Tensor x, Tensor theta) {
        return x.square().mul(WEIGHTS).mul(0.5).add(x.square().square().mul(0.1)).sub(x.mul(theta)).sum();
    }

    private static final Tensor TARGET = Tensor.of(0.5, -0.2, 0.9);

    /** Outer loss ‖x₂ − target‖² after two L-BFGS steps from x0 on the inner objective of theta. */
    private static Tensor outer(LbfgsOptions options, Tensor theta, Tensor x0, long[] evalsOut) {
        LbfgsObjective objective = LbfgsObjective.of(x -> inner(x, theta), true);
        LbfgsState state = LbfgsState.initial();
        Tensor x = x0;
        for (int step = 0; step < 2; step++) {
            LbfgsResult r = LbfgsFunctional.step(options, state, x, objective);
            x = r.x();
            state = r.state();
        }
        if (evalsOut != null) {
            evalsOut[0] = state.funcEvals();
            evalsOut[1] = state.nIter();
        }
        return x.sub(TARGET).square().sum();
    }

    @ParameterizedTest
    @EnumSource(LbfgsLineSearch.class)
    void metaGradientThroughTwoStepsPassesGradcheck(LbfgsLineSearch lineSearch) {
        LbfgsOptions options = LbfgsOptions.defaults().withLr(lineSearch == LbfgsLineSearch.NONE ? 0.5 : 1.0)
                .withMaxIter(3).withMaxEval(10).withHistorySize(2).withLineSearch(lineSearch);
        Tensor theta = Tensor.of(0.3, -0.4, 0.8).requiresGrad(true);
        Tensor x0 = Tensor.of(0.4, -0.8, 1.1).requiresGrad(true);
        // the branch decisions (Wolfe tests, stopping rules) must not flip under gradcheck's 1e-6 perturbations
        long[] base = new long[2];
        outer(options, theta.detach(), x0.detach(), base);
        for (double delta : new double[]{-1e-6, 1e-6}) {
            long[] moved = new long[2];
            outer(options, theta.detach().add(delta), x0.detach().sub(delta), moved);
            assertThat(moved).containsExactly(base);
        }
        assertThat(base[1]).isEqualTo(6);
        assertThat(GradCheck.gradcheck(in -> outer(options, in[0], in[1], null), theta, x0)).isTrue();
    }

    @Test
    void differentiableAndPlainRunsTakeTheSameSteps() {
        LbfgsOptions options = LbfgsOptions.defaults().withMaxIter(4).withLineSearch(LbfgsLineSearch.STRONG_WOLFE);
        Tensor theta = Tensor.of(0.3, -0.4, 0.8);
        Tensor x0 = Tensor.of(0.4, -0.8, 1.1);
        LbfgsResult plain = LbfgsFunctional.step(options, LbfgsState.initial(), x0,
                LbfgsObjective.of(x -> inner(x, theta), false));
        LbfgsResult graphed = LbfgsFunctional.step(options, LbfgsState.initial(), x0,
                LbfgsObjective.of(x -> inner(x, theta.requiresGrad(true)), true));
        assertThat(plain.x().requiresGrad()).isFalse();
        assertThat(graphed.x().requiresGrad()).isTrue();
        assertThat(graphed.x().toDoubleArray()).containsExactly(plain.x().toDoubleArray(), within(0.0));
        assertThat(graphed.state().funcEvals()).isEqualTo(plain.state().funcEvals());
    }
}
