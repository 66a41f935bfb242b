package dev.metagrad.autograd.backend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UnaryKernelTest {
    private static double[] run(UnaryKernel k, double a, double b, double... x) {
        double[] out = new double[x.length];
        k.apply(x, out, x.length, a, b);
        return out;
    }

    @Test
    void affineFamily() {
        assertThat(run(UnaryKernel.SCALE, 3, 0, 1, -2)).containsExactly(3, -6);
        assertThat(run(UnaryKernel.SHIFT, 0.5, 0, 1, -2)).containsExactly(1.5, -1.5);
        assertThat(run(UnaryKernel.AFFINE, -1, 4, 1, -2)).containsExactly(3, 6);
        assertThat(run(UnaryKernel.RECIPROCAL_SCALED, 6, 0, 2, -3)).containsExactly(3, -2);
    }

    @Test
    void transcendentalKernelsAtKnownPoints() {
        assertThat(run(UnaryKernel.EXP, 0, 0, 0, 1)).containsExactly(1, Math.E);
        assertThat(run(UnaryKernel.LOG, 0, 0, 1, Math.E)).containsExactly(new double[] {0, 1}, within(1e-16));
        assertThat(run(UnaryKernel.LOG1P, 0, 0, 0, Math.E - 1)).containsExactly(new double[] {0, 1}, within(1e-16));
        assertThat(run(UnaryKernel.SQRT, 0, 0, 9, 0.25)).containsExactly(3, 0.5);
        assertThat(run(UnaryKernel.RSQRT, 0, 0, 4, 0.25)).containsExactly(0.5, 2);
        assertThat(run(UnaryKernel.SIN, 0, 0, Math.PI / 2)).containsExactly(1);
        assertThat(run(UnaryKernel.COS, 0, 0, 0)).containsExactly(1);
        assertThat(run(UnaryKernel.TANH, 0, 0, 0, 100)).containsExactly(0, 1);
        assertThat(run(UnaryKernel.ERF, 0, 0, 1)).containsExactly(new double[] {0.8427007929497148}, within(2e-16));
    }

    @Test
    void sigmoidIsStableForLargeMagnitudes() {
        double[] s = run(UnaryKernel.SIGMOID, 0, 0, 0, -745, 745, -40);
        assertThat(s[0]).isEqualTo(0.5);
        assertThat(s[1]).isGreaterThanOrEqualTo(0).isLessThan(1e-300);
        assertThat(s[2]).isEqualTo(1);
        assertThat(s[3]).isCloseTo(Math.exp(-40), within(1e-30));
    }

    @Test
    void signAndAbs() {
        assertThat(run(UnaryKernel.ABS, 0, 0, -2, 3)).containsExactly(2, 3);
        assertThat(run(UnaryKernel.SIGN, 0, 0, -2, 0, 3)).containsExactly(-1, 0, 1);
        assertThat(run(UnaryKernel.SIGN, 0, 0, Double.NaN)[0]).isNaN();
    }

    @Test
    void powers() {
        assertThat(run(UnaryKernel.POW_SCALAR, 2, 0, -3, 1.5)).containsExactly(9, 2.25);
        assertThat(run(UnaryKernel.POW_SCALAR, 0.5, 0, 16)).containsExactly(4);
        assertThat(run(UnaryKernel.POW_SCALAR, 3, 0, -2)).containsExactly(-8);
        assertThat(run(UnaryKernel.SCALAR_POW, 2, 0, 3, -1)).containsExactly(8, 0.5);
    }

    @Test
    void clampKeepsNaNAndAcceptsInfiniteBounds() {
        double[] c = run(UnaryKernel.CLAMP, -1, 1, -5, 0.5, 5, Double.NaN);
        assertThat(c[0]).isEqualTo(-1);
        assertThat(c[1]).isEqualTo(0.5);
        assertThat(c[2]).isEqualTo(1);
        assertThat(c[3]).isNaN();
        assertThat(run(UnaryKernel.CLAMP, Double.NEGATIVE_INFINITY, 0, -5, 5)).containsExactly(-5, 0);
    }

    @Test
    void masksForPiecewiseDerivatives() {
        assertThat(run(UnaryKernel.STEP, 0, 0, -1, 0, 1)).containsExactly(0, 0, 1);
        assertThat(run(UnaryKernel.INSIDE, -1, 1, -2, -1, 0, 1, 2)).containsExactly(0, 1, 1, 1, 0);
    }

    @Test
    void activations() {
        assertThat(run(UnaryKernel.RELU, 0, 0, -1, 0, 2)).containsExactly(0, 0, 2);
        assertThat(run(UnaryKernel.LEAKY_RELU, 0.1, 0, -1, 2)).containsExactly(-0.1, 2);
        assertThat(run(UnaryKernel.ELU, 2, 0, -1, 2)).containsExactly(new double[] {2 * (Math.exp(-1) - 1), 2}, within(1e-16));
        // softplus beta 2, threshold 1: ln(1 + e^(2x)) / 2 below, x above
        double[] sp = run(UnaryKernel.SOFTPLUS, 2, 1, 0, 0.6);
        assertThat(sp[0]).isCloseTo(Math.log(2) / 2, within(1e-16));
        assertThat(sp[1]).isEqualTo(0.6);
    }

    @Test
    void onlyTheFirstNElementsAreWritten() {
        double[] x = {1, 2, 3};
        double[] out = {-7, -7, -7};
        UnaryKernel.SCALE.apply(x, out, 2, 10, 0);
        assertThat(out).containsExactly(10, 20, -7);
    }
}
