package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.testing.GradcheckTable;
import dev.metagrad.autograd.testing.OpCase;
import dev.metagrad.autograd.testing.RandomTensors;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static dev.metagrad.autograd.ops.ArithmeticTest.assertRelativelyClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReductionsTest implements GradcheckTable {

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(71);
        return Stream.of(
            OpCase.of("sum all", in -> Reductions.sum(in[0]), r.uniform(2, 3)),
            OpCase.of("sum dim 1", in -> Reductions.sum(in[0], new int[] {1}, false), r.uniform(2, 3)),
            OpCase.of("sum dims {0,2} keepdim", in -> Reductions.sum(in[0], new int[] {0, 2}, true), r.uniform(2, 3, 2)),
            OpCase.of("sum dim -1 keepdim", in -> Reductions.sum(in[0], new int[] {-1}, true), r.uniform(3, 2)),
            OpCase.of("sum of squares dim 0 (facade)", in -> in[0].square().sum(0, false), r.uniform(3, 2)),
            OpCase.of("mean all", in -> Reductions.mean(in[0]), r.uniform(2, 3)),
            OpCase.of("mean dim 1 keepdim", in -> Reductions.mean(in[0], new int[] {1}, true), r.uniform(2, 3)),
            OpCase.of("mean dims {-1,0}", in -> Reductions.mean(in[0], new int[] {-1, 0}, false), r.uniform(2, 2, 3)),
            OpCase.of("var all unbiased", in -> Reductions.var(in[0], null, true, false), r.uniform(2, 3)),
            OpCase.of("var all biased", in -> Reductions.var(in[0], null, false, false), r.uniform(2, 3)),
            OpCase.of("var dim 1 unbiased keepdim", in -> Reductions.var(in[0], new int[] {1}, true, true), r.uniform(2, 4)),
            OpCase.of("var dims {0,2} biased", in -> Reductions.var(in[0], new int[] {0, 2}, false, false),
                    r.uniform(2, 2, 3)),
            OpCase.of("var dim -1 (negative) unbiased", in -> Reductions.var(in[0], new int[] {-1}, true, false),
                    r.uniform(3, 3)),
            OpCase.of("var (facade)", in -> in[0].var(true), r.uniform(5)),
            OpCase.of("amax all", in -> Reductions.amax(in[0], null, false), r.distinct(2, 3)),
            OpCase.of("amax dim 1 keepdim", in -> Reductions.amax(in[0], new int[] {1}, true), r.distinct(3, 4)),
            OpCase.of("amax dims {0,2}", in -> Reductions.amax(in[0], new int[] {0, 2}, false), r.distinct(2, 3, 2)),
            OpCase.of("amin dim 0", in -> Reductions.amin(in[0], new int[] {0}, false), r.distinct(3, 4)),
            OpCase.of("amin dim -1 keepdim", in -> Reductions.amin(in[0], new int[] {-1}, true), r.distinct(2, 3)),
            OpCase.of("max (facade, all)", in -> in[0].max(), r.distinct(5)),
            OpCase.of("max(dim 1) values", in -> Reductions.max(in[0], 1, false).values(), r.distinct(3, 4)),
            OpCase.of("max(dim -1, keepdim) values", in -> Reductions.max(in[0], -1, true).values(), r.distinct(2, 2, 3)),
            OpCase.of("max(dim 0) values", in -> Reductions.max(in[0], 0, false).values(), r.distinct(3, 2)),
            OpCase.of("logsumexp dim 1", in -> Reductions.logsumexp(in[0], new int[] {1}, false), r.range(-2, 2, 2, 3)),
            OpCase.of("logsumexp all keepdim", in -> Reductions.logsumexp(in[0], new int[] {0, 1}, true), r.range(-2, 2, 2, 3)),
            OpCase.of("logsumexp dim -1 (facade)", in -> in[0].logsumexp(new int[] {-1}, false), r.range(-2, 2, 3, 2)),
            OpCase.of("norm p=1", in -> Reductions.norm(in[0], 1), r.awayFromZero(2, 3)),
            OpCase.of("norm p=2", in -> Reductions.norm(in[0], 2), r.uniform(2, 3)),
            OpCase.of("norm p=3", in -> Reductions.norm(in[0], 3), r.awayFromZero(2, 3)),
            OpCase.of("norm p=1.5", in -> Reductions.norm(in[0], 1.5), r.awayFromZero(4)),
            OpCase.of("norm p=inf", in -> Reductions.norm(in[0], Double.POSITIVE_INFINITY),
                    Tensor.of(0.3, -1.1, 0.7, -0.2, 0.9).requiresGrad(true)),
            OpCase.of("cumsum dim 0", in -> Reductions.cumsum(in[0], 0), r.uniform(4)),
            OpCase.of("cumsum dim -1", in -> Reductions.cumsum(in[0], -1), r.uniform(2, 3)),
            OpCase.of("cumsum dim 1 of 3D", in -> Reductions.cumsum(in[0], 1), r.uniform(2, 3, 2)),
            OpCase.of("cumsum of squares (facade)", in -> in[0].square().cumsum(0), r.uniform(3, 2)));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values

    private static final Tensor M = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void sumOverDimsWithAndWithoutKeepdim() {
        Tensor s0 = Reductions.sum(M, new int[] {0}, false);
        assertThat(s0.shape()).containsExactly(3);
        assertThat(s0.toDoubleArray()).containsExactly(5, 7, 9);
        Tensor s1 = Reductions.sum(M, new int[] {-1}, true);
        assertThat(s1.shape()).containsExactly(2, 1);
        assertThat(s1.toDoubleArray()).containsExactly(6, 15);
        Tensor all = Reductions.sum(M);
        assertThat(all.shape()).isEmpty();
        assertThat(all.item()).isEqualTo(21);
        assertThat(Reductions.sum(M, new int[] {0, 1}, true).shape()).containsExactly(1, 1);
    }

    /** Leading dims take the backend's row-sum path; it must add in the same order as a plain loop. */
    @Test
    void sumOverLeadingDimsAddsRowsInOrder() {
        int a = 3;
        int b = 4;
        int c = 5;
        double[] v = new double[a * b * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(i * 0.7) * Math.pow(10, i % 7 - 3); // magnitudes that make the order visible
        }
        Tensor x = Tensor.of(v, DType.FLOAT64, a, b, c);
        double[] byRows = new double[b * c];
        double[] byPlanes = new double[c];
        for (int i = 0; i < v.length; i++) {
            byRows[i % (b * c)] += v[i];
            byPlanes[i % c] += v[i];
        }
        assertThat(Reductions.sum(x, new int[] {0}, false).toDoubleArray()).containsExactly(byRows);
        assertThat(Reductions.sum(x, new int[] {1, 0}, true).toDoubleArray()).containsExactly(byPlanes);
        assertThat(Reductions.sum(x, new int[] {0, 1}, false).shape()).containsExactly(c);
    }

    @Test
    void anEmptyDimListReducesEveryDimAsTorchDoes() {
        assertThat(Reductions.sum(M, new int[0], false).shape()).isEmpty();
        assertThat(Reductions.sum(M, new int[0], false).item()).isEqualTo(21.0);
        assertThat(Reductions.mean(M, new int[0], true).shape()).containsExactly(1, 1);
    }

    @Test
    void normGradientAtTheZeroVectorIsZeroNotNaN() {
        for (double p : new double[] {2, 3}) {
            Tensor x = Tensor.zeros(3).requiresGrad(true);
            assertThat(Autograd.grad(Reductions.norm(x, p), x)[0].toDoubleArray()).as("p = %s", p).containsOnly(0.0);
        }
    }

    @Test
    void normGradientAwayFromZeroIsTheUnitDirection() {
        Tensor x = Tensor.of(3.0, -4.0).requiresGrad(true);
        assertThat(Autograd.grad(Reductions.norm(x, 2), x)[0].toDoubleArray()).containsExactly(0.6, -0.8);
    }

    @Test
    void meanOverDims() {
        assertThat(Reductions.mean(M).item()).isEqualTo(3.5);
        assertThat(Reductions.mean(M, new int[] {1}, false).toDoubleArray()).containsExactly(2, 5);
        assertThat(Reductions.mean(M, new int[] {0}, true).toDoubleArray()).containsExactly(2.5, 3.5, 4.5);
    }

    @Test
    void meanGradientIsOneOverN() {
        Tensor x = Tensor.zeros(2, 4).requiresGrad(true);
        assertThat(Autograd.grad(Reductions.mean(x), x)[0].toDoubleArray()).containsOnly(0.125);
    }

    @Test
    void varianceKnownValues() {
        Tensor x = Tensor.of(1, 2, 3, 4);
        assertThat(Reductions.var(x, null, true, false).item()).isCloseTo(5.0 / 3, within(1e-15));
        assertThat(Reductions.var(x, null, false, false).item()).isCloseTo(1.25, within(1e-15));
        Tensor rows = Reductions.var(Tensor.of(new double[][] {{1, 3}, {2, 2}, {0, 10}}), new int[] {1}, true, true);
        assertThat(rows.shape()).containsExactly(3, 1);
        assertThat(rows.toDoubleArray()).containsExactly(2, 0, 50);
        assertThat(Tensor.of(2, 4, 4, 4, 5, 5, 7, 9).var(false).item()).isCloseTo(4.0, within(1e-15));
    }

    @Test
    void varianceGradientIsTwoCenteredOverNMinusOne() {
        Tensor x = Tensor.of(1, 2, 3, 4).requiresGrad(true);
        Tensor[] g = Autograd.grad(Reductions.var(x, null, true, false), x);
        // 2 (x - 2.5) / 3
        assertThat(g[0].toDoubleArray()).containsExactly(new double[] {-1, -1.0 / 3, 1.0 / 3, 1}, within(1e-15));
    }

    @Test
    void amaxAndAminPickExtremesAlongDims() {
        assertThat(Reductions.amax(M, new int[] {0}, false).toDoubleArray()).containsExactly(4, 5, 6);
        assertThat(Reductions.amin(M, new int[] {1}, true).toDoubleArray()).containsExactly(1, 4);
        assertThat(Reductions.amax(M, null, false).item()).isEqualTo(6);
        assertThat(Reductions.amin(M, null, false).item()).isEqualTo(1);
    }

    @Test
    void amaxSplitsTheGradientAmongTies() {
        Tensor x = Tensor.of(1, 3, 3, 2).requiresGrad(true);
        assertThat(Autograd.grad(Reductions.amax(x, null, false), x)[0].toDoubleArray()).containsExactly(0, 0.5, 0.5, 0);
    }

    @Test
    void maxAlongDimReturnsValuesAndFirstIndexAndRoutesGradientToThatElement() {
        Tensor x = Tensor.of(new double[][] {{1, 7, 7}, {9, 2, 3}}).requiresGrad(true);
        Reductions.MaxResult r = Reductions.max(x, 1, false);
        assertThat(r.values().toDoubleArray()).containsExactly(7, 9);
        assertThat(r.indices().dtype()).isEqualTo(DType.INT64);
        assertThat(r.indices().toLongArray()).containsExactly(1, 0);
        assertThat(Autograd.grad(r.values().sum(), x)[0].toDoubleArray()).containsExactly(0, 1, 0, 1, 0, 0);
        Reductions.MaxResult kept = Reductions.max(x, 0, true);
        assertThat(kept.values().shape()).containsExactly(1, 3);
        assertThat(kept.indices().toLongArray()).containsExactly(1, 0, 0);
    }

    @Test
    void logsumexpKnownValuesAndStability() {
        assertThat(Reductions.logsumexp(Tensor.of(0, Math.log(3)), null, false).item()).isCloseTo(Math.log(4), within(1e-15));
        assertThat(Reductions.logsumexp(Tensor.of(1000, 1000), null, false).item())
                .isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(Reductions.logsumexp(Tensor.of(-1000, -1000), null, false).item())
                .isCloseTo(-1000 + Math.log(2), within(1e-12));
        double inf = Double.NEGATIVE_INFINITY;
        assertThat(Reductions.logsumexp(Tensor.of(inf, inf), null, false).item()).isEqualTo(inf);
    }

    @Test
    void logsumexpGradientIsSoftmax() {
        Tensor x = Tensor.of(0, Math.log(3)).requiresGrad(true);
        assertThat(Autograd.grad(Reductions.logsumexp(x, new int[] {0}, false), x)[0].toDoubleArray())
                .containsExactly(new double[] {0.25, 0.75}, within(1e-15));
    }

    @Test
    void normKnownValues() {
        Tensor x = Tensor.of(3, -4);
        assertThat(Reductions.norm(x, 2).item()).isCloseTo(5, within(1e-15));
        assertThat(Reductions.norm(x, 1).item()).isEqualTo(7);
        assertThat(Reductions.norm(x, Double.POSITIVE_INFINITY).item()).isEqualTo(4);
        assertThat(Reductions.norm(x, 3).item()).isCloseTo(Math.cbrt(91), within(1e-14));
        Tensor v = Tensor.of(3, -4).requiresGrad(true);
        assertThat(Autograd.grad(Reductions.norm(v, 2), v)[0].toDoubleArray())
                .containsExactly(new double[] {0.6, -0.8}, within(1e-15));
    }

    @Test
    void cumsumAndItsReversedGradient() {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad(true);
        assertThat(Reductions.cumsum(x, 1).toDoubleArray()).containsExactly(1, 3, 6, 4, 9, 15);
        assertThat(Reductions.cumsum(x, 0).toDoubleArray()).containsExactly(1, 2, 3, 5, 7, 9);
        Tensor w = Tensor.of(new double[][] {{1, 10, 100}, {2, 20, 200}});
        assertThat(Autograd.grad(Reductions.cumsum(x, 1).mul(w).sum(), x)[0].toDoubleArray())
                .containsExactly(111, 110, 100, 222, 220, 200);
    }

    @Test
    void float32ReductionsStayFloat32AndMatchFloat64() {
        Tensor x32 = Tensor.ofFloats(new float[] {0.5f, 1.25f, 2f, 3.5f, 0.125f, 4f}, 2, 3);
        Tensor x64 = x32.to(DType.FLOAT64);
        assertThat(Reductions.sum(x32).dtype()).isEqualTo(DType.FLOAT32);
        assertRelativelyClose("sum", Reductions.sum(x32, new int[] {1}, false).toDoubleArray(),
                Reductions.sum(x64, new int[] {1}, false).toDoubleArray(), 1e-6);
        assertRelativelyClose("mean", Reductions.mean(x32, new int[] {0}, false).toDoubleArray(),
                Reductions.mean(x64, new int[] {0}, false).toDoubleArray(), 1e-6);
        Tensor lse = Reductions.logsumexp(x32, new int[] {1}, false);
        assertThat(lse.dtype()).isEqualTo(DType.FLOAT32);
        assertRelativelyClose("logsumexp", lse.toDoubleArray(),
                Reductions.logsumexp(x64, new int[] {1}, false).toDoubleArray(), 1e-6);
        assertThat(Reductions.var(x32, null, true, false).dtype()).isEqualTo(DType.FLOAT32);
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void sumRejectsADimOutOfRange() {
        assertThatThrownBy(() -> Reductions.sum(Tensor.zeros(2, 3), new int[] {5}, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("sum", "dim 5", "rank 2");
    }

    @Test
    void sumRejectsARepeatedDim() {
        assertThatThrownBy(() -> Reductions.sum(Tensor.zeros(2, 3), new int[] {1, -1}, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("sum", "more than once");
    }

    @Test
    void sumRejectsAnInt64Tensor() {
        assertThatThrownBy(() -> Reductions.sum(Tensor.ofLongs(new long[] {1, 2}, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("sum", "int64");
    }

    @Test
    void amaxRejectsReducingAnEmptyDim() {
        assertThatThrownBy(() -> Reductions.amax(Tensor.zeros(2, 0), new int[] {1}, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("amax", "size 0", "[2, 0]");
    }

    @Test
    void maxRejectsADimOutOfRange() {
        assertThatThrownBy(() -> Reductions.max(Tensor.zeros(2, 3), -3, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("max", "dim -3", "rank 2");
    }

    @Test
    void normRejectsANonPositiveP() {
        assertThatThrownBy(() -> Reductions.norm(Tensor.zeros(2), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("norm", "p must be positive");
    }

    @Test
    void cumsumRejectsADimOutOfRange() {
        assertThatThrownBy(() -> Reductions.cumsum(Tensor.zeros(2), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("cumsum", "dim 1", "rank 1");
    }
}
