package dev.metagrad.optim.torch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LbfgsOptionsTest {
    @Test
    void defaultsAreTorchs() {
        LbfgsOptions o = LbfgsOptions.defaults();
        assertThat(o.lr()).isEqualTo(1.0);
        assertThat(o.maxIter()).isEqualTo(20);
        assertThat(o.maxEval()).isNull();
        assertThat(o.resolvedMaxEval()).isEqualTo(25);
        assertThat(o.toleranceGrad()).isEqualTo(1e-7);
        assertThat(o.toleranceChange()).isEqualTo(1e-9);
        assertThat(o.historySize()).isEqualTo(100);
        assertThat(o.lineSearch()).isEqualTo(LbfgsLineSearch.NONE);
    }

    @ParameterizedTest(name = "max_iter {0} -> max_eval {1}")
    @CsvSource({"1, 1", "2, 2", "3, 3", "4, 5", "7, 8", "20, 25", "21, 26"})
    void unsetMaxEvalIsMaxIterTimesFiveIntegerDividedByFour(int maxIter, int maxEval) {
        assertThat(LbfgsOptions.defaults().withMaxIter(maxIter).resolvedMaxEval()).isEqualTo(maxEval);
    }

    @Test
    void anExplicitMaxEvalWins() {
        assertThat(LbfgsOptions.defaults().withMaxEval(6).withMaxIter(4).resolvedMaxEval()).isEqualTo(6);
        assertThat(LbfgsOptions.defaults().withMaxEval(6).withMaxEval(null).resolvedMaxEval()).isEqualTo(25);
    }

    @Test
    void withersChangeOneField() {
        LbfgsOptions o = LbfgsOptions.defaults().withLr(0.5).withToleranceGrad(1e-5).withToleranceChange(1e-12)
                .withHistorySize(7).withLineSearch(LbfgsLineSearch.STRONG_WOLFE);
        assertThat(o).isEqualTo(new LbfgsOptions(0.5, 20, null, 1e-5, 1e-12, 7, LbfgsLineSearch.STRONG_WOLFE));
    }

    @Test
    void invalidValuesAreNamed() {
        assertError(() -> LbfgsOptions.defaults().withLr(-1.0), "Invalid learning rate: -1.0");
        assertError(() -> LbfgsOptions.defaults().withLr(-1e-5), "Invalid learning rate: -1e-05");
        assertError(() -> LbfgsOptions.defaults().withLr(Double.NaN), "Invalid learning rate");
        assertError(() -> LbfgsOptions.defaults().withMaxIter(0), "max_iter");
        assertError(() -> LbfgsOptions.defaults().withMaxEval(0), "max_eval");
        assertError(() -> LbfgsOptions.defaults().withHistorySize(0), "history_size");
        assertError(() -> LbfgsOptions.defaults().withToleranceGrad(Double.NaN), "tolerance_grad");
        assertError(() -> LbfgsOptions.defaults().withToleranceChange(Double.NaN), "tolerance_change");
        assertThatThrownBy(() -> LbfgsOptions.defaults().withLineSearch(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("lineSearch");
    }

    private static void assertError(Supplier<LbfgsOptions> make, String message) {
        assertThatThrownBy(make::get).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
