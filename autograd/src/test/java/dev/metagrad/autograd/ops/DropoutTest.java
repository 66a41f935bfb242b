package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.testing.GradcheckTable;
import dev.metagrad.autograd.testing.OpCase;
import dev.metagrad.autograd.testing.RandomTensors;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DropoutTest implements GradcheckTable {
    @Override
    public Stream<OpCase> gradcheckCases() {
        RandomTensors r = new RandomTensors(77);
        // a fresh generator per evaluation: every finite-difference step sees the same mask
        return Stream.of(
            OpCase.of("dropout p=0.4", in -> Dropout.dropout(in[0], 0.4, true, new Generator(3)), r.uniform(3, 4)),
            OpCase.of("dropout p=0.4 squared", in -> Arithmetic.square(Dropout.dropout(in[0], 0.4, true, new Generator(3))),
                    r.uniform(6)));
    }

    @Test
    void zeroesAboutAFractionPAndScalesTheSurvivors() {
        for (double p : new double[] {0.1, 0.5, 0.8}) {
            double[] y = Dropout.dropout(Tensor.ones(200_000), p, true, new Generator(11)).toDoubleArray();
            double zeros = Arrays.stream(y).filter(v -> v == 0).count() / 200_000.0;
            assertThat(zeros).as("p = %s", p).isCloseTo(p, within(0.005));
            assertThat(Arrays.stream(y).filter(v -> v != 0)).allMatch(v -> v == 1 / (1 - p));
            // the expectation is kept
            assertThat(Arrays.stream(y).average().orElseThrow()).isCloseTo(1.0, within(0.02));
        }
    }

    @Test
    void theGradientIsTheMask() {
        Tensor x = Tensor.ones(1000).requiresGrad(true);
        Tensor y = Dropout.dropout(x, 0.5, true, new Generator(2));
        Tensor[] g = Autograd.grad(y.sum(), x);
        assertThat(g[0].toDoubleArray()).containsExactly(y.toDoubleArray());
    }

    @Test
    void outsideTrainingAndWithPZeroItIsTheIdentity() {
        Tensor x = Tensor.ones(5);
        Generator rng = new Generator(1);
        assertThat(Dropout.dropout(x, 0.5, false, rng)).isSameAs(x);
        assertThat(Dropout.dropout(x, 0.0, true, rng)).isSameAs(x);
        assertThat(rng.nextLong()).as("no draws were made").isEqualTo(new Generator(1).nextLong());
    }

    @Test
    void pOneZeroesEverything() {
        assertThat(Dropout.dropout(Tensor.ones(20), 1.0, true, new Generator(1)).toDoubleArray()).containsOnly(0.0);
    }

    @Test
    void keepsTheDtypeAndShape() {
        Tensor y = Dropout.dropout(Tensor.ones(DType.FLOAT32, 2, 3), 0.5, true, new Generator(1));
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(y.shape()).containsExactly(2, 3);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> Dropout.dropout(Tensor.ones(2), -0.1, true, new Generator(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropout: probability p must be in [0, 1]");
        assertThatThrownBy(() -> Dropout.dropout(Tensor.ones(2), Double.NaN, true, new Generator(1)))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Dropout.dropout(Tensor.ofLongs(new long[] {1}, 1), 0.5, true, new Generator(1)))
                .hasMessageContaining("float64 or float32");
    }
}
