package dev.metagrad.examples.maml;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetaLearnerTest {
    private static final List<Tensor> THETA = SineModel.init(new Generator(0), DType.FLOAT64, 1, 16, 16, 1);
    private static final List<SineTask> BATCH = new SineTaskSampler(new Generator(1), 10, 10, DType.FLOAT64).batch(6);

    private static MetaGradient metaGradient(boolean firstOrder, int threads) {
        try (MetaLearner learner = new MetaLearner(new MamlConfig(3, 0.01, firstOrder), threads)) {
            return learner.metaGradient(THETA, BATCH);
        }
    }

    private static double maxAbsDiff(List<Tensor> a, List<Tensor> b) {
        double worst = 0;
        for (int i = 0; i < a.size(); i++) {
            double[] x = a.get(i).toDoubleArray();
            double[] y = b.get(i).toDoubleArray();
            for (int j = 0; j < x.length; j++) {
                worst = Math.max(worst, Math.abs(x[j] - y[j]));
            }
        }
        return worst;
    }

    @Test
    void firstAndSecondOrderShareTheForwardPassButNotTheMetaGradient() {
        MetaGradient second = metaGradient(false, 1);
        MetaGradient first = metaGradient(true, 1);
        assertThat(first.metaLoss()).isEqualTo(second.metaLoss());
        assertThat(first.queryLosses()).containsExactly(second.queryLosses());
        assertThat(maxAbsDiff(first.grads(), second.grads())).isGreaterThan(1e-8);
    }

    @Test
    void twoThreadsGiveTheSameLossesAndGradientsAsOne() {
        for (boolean firstOrder : new boolean[] {false, true}) {
            MetaGradient one = metaGradient(firstOrder, 1);
            MetaGradient two = metaGradient(firstOrder, 2);
            assertThat(two.metaLoss()).isCloseTo(one.metaLoss(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(maxAbsDiff(one.grads(), two.grads())).isLessThanOrEqualTo(1e-12);
        }
    }

    @Test
    void aTrainedRunWithTwoThreadsFollowsTheSameTrajectory() {
        double[][] losses = new double[2][];
        for (int threads = 1; threads <= 2; threads++) {
            SineTaskSampler sampler = new SineTaskSampler(new Generator(5), 5, 5, DType.FLOAT64);
            try (MetaLearner learner = new MetaLearner(new MamlConfig(2, 0.01, false), threads)) {
                MetaTrainer trainer = new MetaTrainer(learner, OuterOptimizers.adam(1e-3, 0.9, 0.999, 1e-8), THETA);
                losses[threads - 1] = new double[4];
                for (int i = 0; i < 4; i++) {
                    losses[threads - 1][i] = trainer.step(sampler.batch(4)).metaLoss();
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            assertThat(Math.abs(losses[0][i] - losses[1][i])).isLessThanOrEqualTo(1e-12);
        }
    }

    @Test
    void theMetaGradientOfTheInnerLoopMatchesFiniteDifferences() {
        // a check independent of the golden file: d meta / d b3 by central differences
        MetaGradient g = metaGradient(false, 1);
        double h = 1e-6;
        double[] plus = shiftedLoss(h);
        double[] minus = shiftedLoss(-h);
        double numeric = (plus[0] - minus[0]) / (2 * h);
        assertThat(g.grads().get(5).item()).isCloseTo(numeric, org.assertj.core.api.Assertions.within(1e-6));
    }

    private static double[] shiftedLoss(double h) {
        List<Tensor> shifted = new java.util.ArrayList<>(THETA);
        shifted.set(5, THETA.get(5).detach().add(h));
        try (MetaLearner learner = new MetaLearner(new MamlConfig(3, 0.01, false), 1)) {
            return new double[] {learner.metaGradient(shifted, BATCH).metaLoss()};
        }
    }
}
