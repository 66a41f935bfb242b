package dev.metagrad.autograd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TensorFormatTest {
    private static String format(Tensor t) {
        StringBuilder sb = new StringBuilder();
        TensorFormat.append(sb, t);
        return sb.toString();
    }

    @Test
    void integralFloatsPrintWithATrailingDot() {
        assertThat(format(Tensor.of(1, -2, 30))).isEqualTo("[1., -2., 30.]");
    }

    @Test
    void fractionalFloatsPrintWithFourDecimals() {
        assertThat(format(Tensor.of(0.5, 1.0 / 3))).isEqualTo("[0.5000, 0.3333]");
    }

    @Test
    void tinyAndHugeMagnitudesUseScientificNotation() {
        assertThat(format(Tensor.of(1e-5, 0.5))).isEqualTo("[1.0000e-05, 0.5000]");
        assertThat(format(Tensor.of(1.5e9, 0.5))).isEqualTo("[1.5000e+09, 0.5000]");
    }

    @Test
    void nonFiniteValuesPrintAsTorchDoes() {
        assertThat(format(Tensor.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.5)))
                .isEqualTo("[inf, -inf, NaN, 0.5000]");
    }

    @Test
    void integerAndBoolTensorsPrintTheirOwnValues() {
        assertThat(format(Tensor.ofLongs(new long[] {1, -2}, 2))).isEqualTo("[1, -2]");
        assertThat(format(Tensor.ofBooleans(new boolean[] {true, false}, 2))).isEqualTo("[true, false]");
    }

    @Test
    void nestedDimsNestBrackets() {
        assertThat(format(Tensor.arange(8).reshape(2, 2, 2))).isEqualTo("[[[0., 1.], [2., 3.]], [[4., 5.], [6., 7.]]]");
        assertThat(format(Tensor.scalar(3))).isEqualTo("3.");
        assertThat(format(Tensor.zeros(0))).isEqualTo("[]");
    }

    @Test
    void largeTensorsAreSummarised() {
        String s = format(Tensor.arange(2000));
        assertThat(s).isEqualTo("[0., 1., 2., ..., 1997., 1998., 1999.]");
        String m = format(Tensor.arange(1200).reshape(2, 600));
        assertThat(m).isEqualTo("[[0., 1., 2., ..., 597., 598., 599.], [600., 601., 602., ..., 1197., 1198., 1199.]]");
    }
}
