package dev.metagrad.autograd.backend;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpecialFunctionsTest {

    /** Reference values from scipy.special.erf / erfc. */
    @ParameterizedTest(name = "erf({0}) = {1}")
    @CsvSource({
        "0.0, 0.0",
        "0.5, 0.5204998778130465",
        "1.0, 0.8427007929497148",
        "2.0, 0.9953222650189527",
        "-0.3, -0.3286267594591274",
        "2.9, 0.9999589021219005",
        "3.0, 0.9999779095030014",
        "3.5, 0.9999992569016276"})
    void erfMatchesReferenceValues(double x, double expected) {
        // "accurate to a few ulps": within 5e-16 absolute for |erf| <= 1
        assertThat(SpecialFunctions.erf(x)).isCloseTo(expected, within(5e-16));
        assertThat(SpecialFunctions.erf(-x)).isEqualTo(-SpecialFunctions.erf(x));
    }

    @ParameterizedTest(name = "erfc({0}) = {1}")
    @CsvSource({
        "0.5, 0.4795001221869535",
        "3.0, 2.2090496998585445e-05",
        "4.0, 1.541725790028002e-08",
        "5.0, 1.5374597944280347e-12",
        "10.0, 2.0884875837625446e-45",
        "-4.0, 1.999999984582742"})
    void erfcIsAccurateInTheTails(double x, double expected) {
        assertThat(SpecialFunctions.erfc(x)).isCloseTo(expected, within(Math.abs(expected) * 1e-13));
    }

    @Test
    void erfSaturatesAndPropagatesNaN() {
        assertThat(SpecialFunctions.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(SpecialFunctions.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(SpecialFunctions.erf(30)).isEqualTo(1.0);
        assertThat(SpecialFunctions.erf(Double.NaN)).isNaN();
        assertThat(SpecialFunctions.erfc(40)).isZero();
    }

    @Test
    void erfIsContinuousWhereTheMethodSwitches() {
        // series below 3, continued fraction from 3: the two agree to a few ulps
        double below = SpecialFunctions.erf(Math.nextDown(3.0));
        double at = SpecialFunctions.erf(3.0);
        assertThat(at - below).isBetween(-3e-16, 3e-16);
        double erfcBelow = SpecialFunctions.erfc(Math.nextDown(3.0));
        double erfcAt = SpecialFunctions.erfc(3.0);
        assertThat(Math.abs(erfcBelow - erfcAt) / erfcAt).isLessThan(1e-10);
    }

    @Test
    void erfIsIncreasingOnACoarseGrid() {
        double prev = -1;
        for (double x = -2.99; x <= 5; x += 0.01) {
            double v = SpecialFunctions.erf(x);
            assertThat(v).as("erf(%s)", x).isGreaterThanOrEqualTo(prev - 3e-16);
            prev = v;
        }
    }

    @Test
    void log1pExpIsStableOnBothSides() {
        assertThat(SpecialFunctions.log1pExp(0)).isEqualTo(Math.log(2));
        assertThat(SpecialFunctions.log1pExp(-30)).isCloseTo(9.357622968839737e-14, within(1e-27));
        assertThat(SpecialFunctions.log1pExp(30)).isCloseTo(30.000000000000092, within(1e-14));
        assertThat(SpecialFunctions.log1pExp(1000)).isEqualTo(1000);
        assertThat(SpecialFunctions.log1pExp(-1000)).isZero();
    }

    @Test
    void tanhIsWithinThreeUlpsOfTheJdkAcrossMagnitudes() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double x = (rng.nextDouble() - 0.5) * 60 * Math.pow(10, -rng.nextInt(12));
            double expected = Math.tanh(x);
            assertThat(Math.abs(SpecialFunctions.tanh(x) - expected)).as("tanh(%s)", x)
                    .isLessThanOrEqualTo(3 * Math.ulp(expected));
        }
    }

    @Test
    void tanhSpecialValues() {
        assertThat(SpecialFunctions.tanh(0.0)).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(SpecialFunctions.tanh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(SpecialFunctions.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(SpecialFunctions.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(SpecialFunctions.tanh(30.0)).isEqualTo(1.0);
        assertThat(SpecialFunctions.tanh(Double.NaN)).isNaN();
    }
}
