package dev.metagrad.examples.data;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataSplitTest {
    private static Dataset numbered(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return new Dataset("n", List.of("i"), Tensor.of(x, n, 1), Tensor.of(x, n));
    }

    @Test
    void thePartsHaveTheRoundedSizesAndPartitionTheRows() {
        DataSplit s = DataSplit.random(numbered(442), new Generator(0), 0.2, 0.2);
        assertThat(s.test().rows()).isEqualTo(88);
        assertThat(s.validation().rows()).isEqualTo(88);
        assertThat(s.train().rows()).isEqualTo(266);
        List<Double> all = new ArrayList<>();
        for (Dataset part : List.of(s.train(), s.validation(), s.test())) {
            DoubleStream.of(part.y().toDoubleArray()).forEach(all::add);
            // x and y rows travel together
            assertThat(part.x().toDoubleArray()).containsExactly(part.y().toDoubleArray());
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(DoubleStream.of(numbered(442).y().toDoubleArray()).boxed().toList());
        assertThat(s.train().name()).isEqualTo("n (train)");
    }

    @Test
    void theSeedDecidesTheShuffle() {
        double[] a = DataSplit.random(numbered(50), new Generator(3), 0.2, 0.2).train().y().toDoubleArray();
        double[] b = DataSplit.random(numbered(50), new Generator(3), 0.2, 0.2).train().y().toDoubleArray();
        double[] c = DataSplit.random(numbered(50), new Generator(4), 0.2, 0.2).train().y().toDoubleArray();
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        // shuffled, not the first rows in order
        assertThat(a).isNotEqualTo(java.util.Arrays.copyOf(numbered(50).y().toDoubleArray(), 30));
    }

    @Test
    void badFractionsAndEmptyPartsAreRejected() {
        assertThatThrownBy(() -> DataSplit.random(numbered(10), new Generator(0), 0, 0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validationFraction must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> DataSplit.random(numbered(10), new Generator(0), 0.2, Double.NaN))
                .hasMessageContaining("testFraction");
        assertThatThrownBy(() -> DataSplit.random(numbered(10), new Generator(0), 0.5, 0.5))
                .hasMessageContaining("split as train 0, validation 5, test 5");
        assertThatThrownBy(() -> DataSplit.random(numbered(3), new Generator(0), 0.1, 0.1))
                .hasMessageContaining("every part needs at least one row");
    }

    @Test
    void kFoldValidatesOnEveryNonTestRowOnceAndSharesTheTestRows() {
        List<DataSplit> folds = DataSplit.kFold(numbered(103), new Generator(5), 4, 0.2);
        assertThat(folds).hasSize(4);
        List<Double> validated = new ArrayList<>();
        double[] test = folds.get(0).test().y().toDoubleArray();
        assertThat(test).hasSize(21);
        for (DataSplit f : folds) {
            assertThat(f.test().y().toDoubleArray()).containsExactly(test);
            assertThat(f.train().rows() + f.validation().rows()).isEqualTo(82);
            assertThat(f.validation().rows()).isBetween(20, 21);
            List<Double> train = DoubleStream.of(f.train().y().toDoubleArray()).boxed().toList();
            for (double v : f.validation().y().toDoubleArray()) {
                assertThat(train).doesNotContain(v);
                validated.add(v);
            }
            for (double v : test) {
                assertThat(train).doesNotContain(v);
            }
        }
        assertThat(validated).hasSize(82).doesNotHaveDuplicates();
        assertThat(folds.get(1).validation().name()).isEqualTo("n (validation (fold 2/4))");
        assertThatThrownBy(() -> DataSplit.kFold(numbered(10), new Generator(0), 1, 0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 folds");
        assertThatThrownBy(() -> DataSplit.kFold(numbered(5), new Generator(0), 5, 0.2))
                .hasMessageContaining("every part needs at least one row");
    }
}
