package dev.metagrad.zeroorder;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.TensorFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unbiasedness and variance on a quadratic whose gradient is known: M independent estimates of N samples
 * each, fixed seeds, checked against the true gradient within 5 standard errors of their mean.
 */
class ZeroOrderStatisticsTest {
    private static final int M = 200;
    private static final int N = 50;

    /** estimates[m][i] for M repetitions. */
    private static double[][] estimates(Samplable distribution, Method method, double sigma, long seed) {
        TensorFunction g = ZeroOrder.zeroOrder(distribution, method, new int[] {0}, N, sigma)
                .withGenerator(new Generator(seed)).apply(Quadratic.F);
        double[][] out = new double[M][];
        for (int m = 0; m < M; m++) {
            Tensor x = Quadratic.X.requiresGrad(true);
            out[m] = Autograd.grad(g.apply(x), x)[0].toDoubleArray();
        }
        return out;
    }

    private static double[] mean(double[][] e) {
        double[] mu = new double[e[0].length];
        for (double[] row : e) {
            for (int i = 0; i < mu.length; i++) {
                mu[i] += row[i] / e.length;
            }
        }
        return mu;
    }

    private static double[] variance(double[][] e) {
        double[] mu = mean(e);
        double[] v = new double[mu.length];
        for (double[] row : e) {
            for (int i = 0; i < mu.length; i++) {
                v[i] += (row[i] - mu[i]) * (row[i] - mu[i]) / (e.length - 1);
            }
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void unbiasedOnQuadraticWithGaussianNoise(Method method) {
        assertUnbiased(estimates(Samplable.standardNormal(), method, 0.5, 11));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void unbiasedOnQuadraticWithSphereNoise(Method method) {
        assertUnbiased(estimates(Samplable.uniformOnSphere(), method, 0.5, 12));
    }

    private static void assertUnbiased(double[][] e) {
        double[] mu = mean(e);
        double[] var = variance(e);
        double[] truth = Quadratic.trueGrad();
        for (int i = 0; i < truth.length; i++) {
            double se = Math.sqrt(var[i] / M);
            assertThat(Math.abs(mu[i] - truth[i])).as("component %d: mean %s, truth %s, se %s", i, mu[i], truth[i], se)
                    .isLessThan(5 * se + 1e-12);
        }
    }

    @Test
    void antitheticHasLowerVarianceThanForwardAndNaive() {
        double naive = total(variance(estimates(Samplable.standardNormal(), Method.NAIVE, 0.5, 21)));
        double forward = total(variance(estimates(Samplable.standardNormal(), Method.FORWARD, 0.5, 21)));
        double antithetic = total(variance(estimates(Samplable.standardNormal(), Method.ANTITHETIC, 0.5, 21)));
        assertThat(antithetic).isLessThan(forward);
        assertThat(forward).isLessThan(naive);
    }

    private static double total(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
