package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.maml.Progress;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HyperTrainerTest {
    private static Progress quiet(int steps) {
        return new Progress(new PrintStream(OutputStream.nullOutputStream()), false, steps);
    }

    @Test
    void adamOnTheLogPenaltiesLowersTheValidationLoss() {
        SyntheticRidge s = SyntheticRidge.generate(60, 8, 1);
        Tensor l0 = Tensor.full(3.0, 8);
        HyperRun run = HyperTrainer.train(s.problem(), l0, 30, 0.1, quiet(30));
        assertThat(run.validationLosses()).hasSize(30);
        assertThat(run.ms()).hasSize(30);
        assertThat(run.validationLosses()[0]).isEqualTo(run.before().validation().loss());
        assertThat(run.after().validation().loss()).isLessThan(run.before().validation().loss());
        assertThat(run.initial().toDoubleArray()).containsOnly(3.0);
        assertThat(run.learned().toDoubleArray()).doesNotContain(3.0);
        assertThat(run.learned().requiresGrad()).isFalse();
    }

    @Test
    void theFirstStepMovesEachLogPenaltyAgainstItsHypergradientByTheLearningRate() {
        SyntheticRidge s = SyntheticRidge.generate(40, 4, 2);
        Tensor l0 = Tensor.zeros(4);
        double[] g = HyperTrainer.hypergradient(s.problem(), l0).gradient().toDoubleArray();
        double[] l1 = HyperTrainer.train(s.problem(), l0, 1, 0.01, quiet(1)).learned().toDoubleArray();
        for (int j = 0; j < 4; j++) {
            // Adam's first step is lr * sign(g) (up to eps)
            assertThat(l1[j]).isCloseTo(-0.01 * Math.signum(g[j]), org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @Test
    void stepsMustBePositive() {
        SyntheticRidge s = SyntheticRidge.generate(10, 2, 0);
        assertThatThrownBy(() -> HyperTrainer.train(s.problem(), Tensor.zeros(2), 0, 0.1, quiet(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps must be at least 1");
    }
}
