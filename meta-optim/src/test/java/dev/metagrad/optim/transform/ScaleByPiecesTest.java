package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.Transforms;
import dev.metagrad.optim.state.Counts;
import dev.metagrad.optim.state.ScaleByAdamState;
import dev.metagrad.optim.state.ScaleByAdamaxState;
import dev.metagrad.optim.state.ScaleByRAdamState;
import dev.metagrad.optim.state.ScaleByScheduleState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** One-step closed forms and state bookkeeping of the rescaling pieces. */
@SuppressWarnings("unchecked")
class ScaleByPiecesTest {
    private static final List<Tensor> G = List.of(Tensor.of(2.0, -0.5));
    private static final List<Tensor> P = List.of(Tensor.of(1.0, 1.0));

    private static double[] once(GradientTransformation t) {
        return ((List<Tensor>) t.update(G, t.init(P), P).updates()).get(0).toDoubleArray();
    }

    @Test
    void adamFirstStepIsGOverAbsGWithEpsRootInsideTheSqrt() {
        double[] u = once(Transforms.scaleByAdam(0.9, 0.999, 1e-3, 0.25, false));
        assertThat(u[0]).isCloseTo(2.0 / (Math.sqrt(4.0 + 0.25) + 1e-3), within(1e-12));
    }

    @Test
    void adamCountsPerLeaf() {
        GradientTransformation t = Transforms.scaleByAdam(0.9, 0.999, 1e-8, 0.0, false);
        OptState s = t.update(G, t.init(P), P).state();
        s = t.update(G, s, P).state();
        assertThat(Counts.value(((List<Tensor>) ((ScaleByAdamState) s).count()).get(0))).isEqualTo(2);
    }

    @Test
    void adamaxAndRAdamKeepTheNextStepNumber() {
        GradientTransformation adamax = Transforms.scaleByAdamax(0.9, 0.999, 1e-6, false);
        assertThat(((ScaleByAdamaxState) adamax.init(P)).t()).isEqualTo(1);
        assertThat(((ScaleByAdamaxState) adamax.update(G, adamax.init(P), P).state()).t()).isEqualTo(2);
        GradientTransformation radam = Transforms.scaleByRAdam(0.9, 0.999, 1e-6, false);
        assertThat(((ScaleByRAdamState) radam.update(G, radam.init(P), P).state()).t()).isEqualTo(2);
    }

    @Test
    void adamaxPutsEpsInsideTheMax() {
        double[] u = once(Transforms.scaleByAdamax(0.9, 0.999, 0.5, false));
        assertThat(u[0]).isCloseTo((0.1 * 2.0 / 2.5) / 0.1, within(1e-12));
    }

    @Test
    void radamIsUnrectifiedEarly() {
        double[] u = once(Transforms.scaleByRAdam(0.9, 0.999, 1e-6, false));
        assertThat(u).containsExactly(new double[] {2.0, -0.5}, within(1e-12));
    }

    @Test
    void adadeltaPutsEpsInBothTerms() {
        double[] u = once(Transforms.scaleByAdadelta(0.9, 1e-2, false));
        assertThat(u[0]).isCloseTo(2.0 * Math.sqrt(1e-2 / (0.1 * 4.0 + 1e-2)), within(1e-12));
    }

    @Test
    void rssIsZeroWhereNothingAccumulated() {
        GradientTransformation t = Transforms.scaleByRss(0.0, 1e-10);
        List<Tensor> zero = List.of(Tensor.of(0.0, 3.0));
        double[] u = ((List<Tensor>) t.update(zero, t.init(zero), null).updates()).get(0).toDoubleArray();
        assertThat(u[0]).isEqualTo(0.0);
        assertThat(u[1]).isCloseTo(3.0 / (3.0 + 1e-10), within(1e-15));
    }

    @Test
    void rmsStartsFromTheInitialScale() {
        double[] u = once(Transforms.scaleByRms(0.9, 0.0, 1.0));
        assertThat(u[0]).isCloseTo(2.0 / Math.sqrt(0.9 + 0.1 * 4.0), within(1e-12));
    }

    @Test
    void stddevSubtractsTheSquaredMean() {
        double[] u = once(Transforms.scaleByStddev(0.9, 0.0, 1.0));
        assertThat(u[0]).isCloseTo(2.0 / Math.sqrt(0.9 + 0.4 - 0.04), within(1e-12));
    }

    @Test
    void scheduleIsEvaluatedAtTheCountBeforeTheStep() {
        GradientTransformation t = Transforms.scaleBySchedule(count -> count + 1.0);
        OptState s = t.init(P);
        GradientTransformation.Update u1 = t.update(G, s, P);
        GradientTransformation.Update u2 = t.update(G, u1.state(), P);
        assertThat(((List<Tensor>) u1.updates()).get(0).toDoubleArray()).containsExactly(2.0, -0.5);
        assertThat(((List<Tensor>) u2.updates()).get(0).toDoubleArray()).containsExactly(4.0, -1.0);
        assertThat(Counts.value(((List<Tensor>) ((ScaleByScheduleState) u2.state()).count()).get(0))).isEqualTo(2);
    }

    @Test
    void weightDecayPiecesUseTheParams() {
        assertThat(once(Transforms.flipSignAndAddWeightDecay(0.5, true))).containsExactly(-1.5, 1.0);
        GradientTransformation masked = Transforms.addDecayedWeights(0.5, List.of(false));
        assertThat(once(masked)).containsExactly(2.0, -0.5);
        assertThatThrownBy(() -> once(Transforms.addDecayedWeights(0.5, List.of(true, false))))
                .hasMessageContaining("mask has 2 entries");
    }

    @Test
    void wrongStateTypeIsNamed() {
        GradientTransformation t = Transforms.scaleByAdam(0.9, 0.999, 1e-8, 0.0, false);
        assertThatThrownBy(() -> t.update(G, Transforms.scaleByRms(0.9, 1e-8, 0).init(P), P))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a ScaleByAdamState");
    }

    @Test
    void learningRateScalingNegates() {
        assertThat(once(Transforms.scaleByLearningRate(0.1))).containsExactly(new double[] {-0.2, 0.05}, within(1e-16));
        assertThat(once(Transforms.scaleByLearningRate(Tensor.scalar(0.1)))).containsExactly(new double[] {-0.2, 0.05}, within(1e-16));
        assertThat(once(Transforms.scaleByLearningRate(count -> 0.1))).containsExactly(new double[] {-0.2, 0.05}, within(1e-16));
        assertThatThrownBy(() -> Transforms.scaleByLearningRate(Tensor.of(0.1, 0.2))).hasMessageContaining("0-dim");
    }
}
