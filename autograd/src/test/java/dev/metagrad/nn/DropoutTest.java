package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DropoutTest {
    @Test
    void trainingZeroesAboutPAndScalesTheRest() {
        Dropout dropout = new Dropout(0.3, new Generator(1));
        Tensor x = Tensor.full(2.0, 100_000);
        double[] y = dropout.forward(x).toDoubleArray();
        long zeros = Arrays.stream(y).filter(v -> v == 0).count();
        assertThat(zeros / 100_000.0).isCloseTo(0.3, within(0.01));
        assertThat(Arrays.stream(y).filter(v -> v != 0)).allMatch(v -> Math.abs(v - 2.0 / 0.7) < 1e-15);
    }

    @Test
    void evaluationIsTheIdentity() {
        Dropout dropout = new Dropout(0.5, new Generator(1));
        dropout.eval();
        Tensor x = Tensor.ones(10);
        assertThat(dropout.forward(x)).isSameAs(x);
    }

    @Test
    void masksComeFromTheLayersGenerator() {
        Tensor x = Tensor.ones(50);
        double[] a = new Dropout(new Generator(7)).forward(x).toDoubleArray();
        double[] b = new Dropout(new Generator(7)).forward(x).toDoubleArray();
        Dropout layer = new Dropout(new Generator(7));
        layer.forward(x);
        assertThat(a).containsExactly(b);
        assertThat(layer.forward(x).toDoubleArray()).as("the next call draws a new mask").isNotEqualTo(a);
    }

    @Test
    void functionalCallsDropoutToo() {
        Sequential net = new Sequential(new Dropout(1.0, new Generator(1)));
        assertThat(Functional.call(net, Map.of(), Tensor.ones(4)).toDoubleArray()).containsOnly(0.0);
    }

    @Test
    void settingsAndErrors() {
        assertThat(new Dropout(new Generator(1)).p()).isEqualTo(0.5);
        assertThat(new Dropout(0.25, new Generator(1))).hasToString("Dropout(p=0.25, inplace=False)");
        assertThatThrownBy(() -> new Dropout(1.5, new Generator(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p 1.5");
        assertThatThrownBy(() -> new Dropout(0.5, null)).hasMessageContaining("no generator");
    }
}
