package dev.metagrad.examples.data;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StandardizerTest {
    @Test
    void fitUsesThePopulationStandardDeviationAndScalesConstantColumnsByOne() {
        // column 0: 1, 3 (mean 2, population std 1); column 1: constant 5
        Standardizer s = Standardizer.fit(Tensor.of(new double[] {1, 5, 3, 5}, 2, 2));
        assertThat(s.mean().toDoubleArray()).containsExactly(2, 5);
        assertThat(s.scale().toDoubleArray()).containsExactly(1, 1);
        Standardizer t = Standardizer.fit(Tensor.of(new double[] {0, 0, 0, 4}, 4, 1));
        assertThat(t.mean().item()).isEqualTo(1);
        assertThat(t.scale().item()).isCloseTo(Math.sqrt(3), within(1e-15));
    }

    @Test
    void otherRowsAreTransformedWithTheFittedStatistics() {
        Standardizer s = Standardizer.fit(Tensor.of(new double[] {1, 3}, 2, 1));
        // a validation row is scaled by the training statistics, not its own
        assertThat(s.transform(Tensor.of(new double[] {10}, 1, 1)).toDoubleArray()).containsExactly(8);
        Tensor train = Tensor.of(new double[] {2, 4, 9, 1, 7, 3}, 3, 2);
        Tensor z = Standardizer.fit(train).transform(train);
        Standardizer again = Standardizer.fit(z);
        assertThat(again.mean().toDoubleArray()).containsExactly(new double[] {0, 0}, within(1e-12));
        assertThat(again.scale().toDoubleArray()).containsExactly(new double[] {1, 1}, within(1e-12));
    }

    @Test
    void shapesAndScalesAreChecked() {
        assertThatThrownBy(() -> Standardizer.fit(Tensor.zeros(0, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty [rows, features]");
        Standardizer s = Standardizer.fit(Tensor.ones(2, 3));
        assertThatThrownBy(() -> s.transform(Tensor.ones(2, 2))).hasMessageContaining("expected [rows, 3], got [2, 2]");
        assertThatThrownBy(() -> new Standardizer(Tensor.zeros(2), Tensor.of(1, 0)))
                .hasMessageContaining("scales must be positive");
        assertThatThrownBy(() -> new Standardizer(Tensor.zeros(2), Tensor.ones(3)))
                .hasMessageContaining("must both be [features]");
    }
}
