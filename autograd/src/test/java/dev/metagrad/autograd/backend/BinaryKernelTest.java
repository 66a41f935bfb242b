package dev.metagrad.autograd.backend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class BinaryKernelTest {
    @Test
    void arithmetic() {
        assertThat(BinaryKernel.ADD.apply(2, 3)).isEqualTo(5);
        assertThat(BinaryKernel.SUB.apply(2, 3)).isEqualTo(-1);
        assertThat(BinaryKernel.MUL.apply(2, 3)).isEqualTo(6);
        assertThat(BinaryKernel.DIV.apply(3, 2)).isEqualTo(1.5);
        assertThat(BinaryKernel.POW.apply(2, 10)).isEqualTo(1024);
    }

    @Test
    void maximumAndMinimumPropagateNaN() {
        assertThat(BinaryKernel.MAXIMUM.apply(2, 3)).isEqualTo(3);
        assertThat(BinaryKernel.MINIMUM.apply(2, 3)).isEqualTo(2);
        assertThat(BinaryKernel.MAXIMUM.apply(Double.NaN, 3)).isNaN();
        assertThat(BinaryKernel.MINIMUM.apply(3, Double.NaN)).isNaN();
    }

    @Test
    void comparisonsGiveZeroOrOne() {
        assertThat(BinaryKernel.GT.apply(2, 1)).isEqualTo(1);
        assertThat(BinaryKernel.GT.apply(1, 1)).isEqualTo(0);
        assertThat(BinaryKernel.GE.apply(1, 1)).isEqualTo(1);
        assertThat(BinaryKernel.LT.apply(1, 2)).isEqualTo(1);
        assertThat(BinaryKernel.LE.apply(2, 1)).isEqualTo(0);
        assertThat(BinaryKernel.EQ.apply(1, 1)).isEqualTo(1);
        assertThat(BinaryKernel.NE.apply(1, 1)).isEqualTo(0);
        assertThat(BinaryKernel.EQ.apply(Double.NaN, Double.NaN)).isEqualTo(0);
        assertThat(BinaryKernel.NE.apply(Double.NaN, Double.NaN)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BinaryKernel.class)
    void sameAgreesWithApplyElementwiseAndStopsAtN(BinaryKernel k) {
        double[] x = {1.5, -2, 0, 3, 7};
        double[] y = {0.5, 4, 0, 3, -1};
        double[] out = new double[5];
        out[4] = 42;
        k.same(x, y, out, 4);
        for (int i = 0; i < 4; i++) {
            double expected = k.apply(x[i], y[i]);
            if (Double.isNaN(expected)) {
                assertThat(out[i]).isNaN();
            } else {
                assertThat(out[i]).as("%s element %d", k, i).isEqualTo(expected);
            }
        }
        assertThat(out[4]).isEqualTo(42);
    }
}
