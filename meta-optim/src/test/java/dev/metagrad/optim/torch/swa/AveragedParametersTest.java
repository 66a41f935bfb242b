package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AveragedParametersTest {
    /** Snapshot k (1-based) of a two-tensor model: a vector and a 0-dim tensor drawn at random. */
    private static List<List<Tensor>> snapshots(int count) {
        Generator rng = new Generator(7);
        List<List<Tensor>> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(List.of(Tensor.randn(rng, 2, 3), Tensor.randn(rng)));
        }
        return out;
    }

    static Stream<Arguments> equalAverages() {
        return Stream.of(
                Arguments.of("swa (default)", (java.util.function.Supplier<AveragedParameters>) () ->
                        new AveragedParameters(snapshots(1).get(0))),
                Arguments.of("swaAvgFn", (java.util.function.Supplier<AveragedParameters>) () ->
                        AveragedParameters.builder(snapshots(1).get(0)).avgFn(AveragingFunctions.swaAvgFn()).build()),
                Arguments.of("swaMultiAvgFn", (java.util.function.Supplier<AveragedParameters>) () ->
                        AveragedParameters.builder(snapshots(1).get(0)).multiAvgFn(AveragingFunctions.swaMultiAvgFn()).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equalAverages")
    void swaIsTheArithmeticMeanOfTheSnapshots(String name, java.util.function.Supplier<AveragedParameters> factory) {
        AveragedParameters avg = factory.get();
        List<List<Tensor>> snaps = snapshots(6);
        for (int k = 0; k < snaps.size(); k++) {
            avg.updateParameters(snaps.get(k));
            assertThat(avg.nAveraged()).isEqualTo(k + 1);
            for (int i = 0; i < 2; i++) {
                double[] mean = new double[snaps.get(0).get(i).numel()];
                for (int j = 0; j <= k; j++) {
                    double[] s = snaps.get(j).get(i).toDoubleArray();
                    for (int e = 0; e < mean.length; e++) {
                        mean[e] += s[e] / (k + 1);
                    }
                }
                assertThat(avg.averaged().get(i).toDoubleArray()).containsExactly(mean, within(1e-14));
                assertThat(avg.averaged().get(i).shape()).isEqualTo(snaps.get(0).get(i).shape());
            }
        }
    }

    static Stream<Arguments> exponentialAverages() {
        return Stream.of(0.0, 0.5, 0.9, 1.0).flatMap(d -> Stream.of(
                Arguments.of("emaAvgFn(" + d + ")", d, false),
                Arguments.of("emaMultiAvgFn(" + d + ")", d, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exponentialAverages")
    void emaIsTheGeometricallyWeightedSumStartingFromTheFirstSnapshot(String name, double decay, boolean multi) {
        List<List<Tensor>> snaps = snapshots(8);
        // initial values that are not a snapshot: the first update must replace them, not blend them in
        List<Tensor> initial = List.of(Tensor.full(100.0, 2, 3), Tensor.scalar(100.0));
        AveragedParameters.Builder b = AveragedParameters.builder(initial);
        AveragedParameters avg = (multi ? b.multiAvgFn(AveragingFunctions.emaMultiAvgFn(decay))
                : b.avgFn(AveragingFunctions.emaAvgFn(decay))).build();
        for (List<Tensor> s : snaps) {
            avg.updateParameters(s);
        }
        int k = snaps.size();
        for (int i = 0; i < 2; i++) {
            // decay^(K-1) s_1 + (1 - decay) sum_{j=2..K} decay^(K-j) s_j
            double[] expected = snaps.get(0).get(i).toDoubleArray();
            for (int e = 0; e < expected.length; e++) {
                expected[e] *= Math.pow(decay, k - 1);
                for (int j = 2; j <= k; j++) {
                    expected[e] += (1 - decay) * Math.pow(decay, k - j) * snaps.get(j - 1).get(i).toDoubleArray()[e];
                }
            }
            assertThat(avg.averaged().get(i).toDoubleArray()).containsExactly(expected, within(1e-14));
        }
        assertThat(avg.nAveraged()).isEqualTo(k);
    }

    @Test
    void theFirstUpdateCopiesTheSnapshotEvenForAnEma() {
        AveragedParameters avg = AveragedParameters.builder(List.of(Tensor.of(100.0)))
                .multiAvgFn(AveragingFunctions.emaMultiAvgFn(0.9)).build();
        assertThat(avg.averaged().get(0).item()).isEqualTo(100.0);
        assertThat(avg.nAveraged()).isZero();
        avg.updateParameters(List.of(Tensor.of(3.0)));
        assertThat(avg.averaged().get(0).item()).isEqualTo(3.0);
        avg.updateParameters(List.of(Tensor.of(13.0)));
        assertThat(avg.averaged().get(0).item()).isCloseTo(4.0, within(1e-15));
    }

    @Test
    void averagesAreDetachedAndCustomRulesSeeTheCount() {
        Tensor p = Tensor.of(1.0, 2.0).requiresGrad(true);
        List<Long> counts = new ArrayList<>();
        AveragedParameters avg = AveragedParameters.builder(List.of(p)).avgFn((a, c, n) -> {
            counts.add(n);
            return c;
        }).build();
        for (int k = 0; k < 4; k++) {
            avg.updateParameters(List.of(p.mul(2.0)));
        }
        assertThat(counts).containsExactly(1L, 2L, 3L);
        assertThat(avg.averaged().get(0).requiresGrad()).isFalse();
        assertThat(avg.averaged().get(0).isLeaf()).isTrue();
        assertThat(avg.averaged().get(0).toDoubleArray()).containsExactly(2, 4);
    }

    @Test
    void emptyAndZeroDimTensorsAreAveraged() {
        AveragedParameters avg = AveragedParameters.builder(List.of(Tensor.zeros(0, 3), Tensor.scalar(0)))
                .multiAvgFn(AveragingFunctions.emaMultiAvgFn(0.5)).build();
        avg.updateParameters(List.of(Tensor.zeros(0, 3), Tensor.scalar(2)));
        avg.updateParameters(List.of(Tensor.zeros(0, 3), Tensor.scalar(4)));
        assertThat(avg.averaged().get(0).shape()).containsExactly(0, 3);
        assertThat(avg.averaged().get(1).shape()).isEmpty();
        assertThat(avg.averaged().get(1).item()).isEqualTo(3.0);
    }

    @Test
    void integerTensorsAreAveragedInFloatAndTruncated() {
        AveragedParameters avg = new AveragedParameters(List.of(Tensor.ofLongs(new long[] {0, 0}, 2)));
        avg.updateParameters(List.of(Tensor.ofLongs(new long[] {1, -1}, 2)));
        avg.updateParameters(List.of(Tensor.ofLongs(new long[] {2, -2}, 2)));
        // 1 + (2 - 1) / 2 = 1.5 -> 1 and -1.5 -> -1 (toward zero, as torch's copy_ into int64)
        assertThat(avg.averaged().get(0).dtype()).isEqualTo(DType.INT64);
        assertThat(avg.averaged().get(0).toLongArray()).containsExactly(1, -1);
    }

    @Test
    void mismatchedSnapshotsAreRejectedAndChangeNothing() {
        AveragedParameters avg = new AveragedParameters(List.of(Tensor.of(1.0, 2.0), Tensor.scalar(3.0)));
        avg.updateParameters(List.of(Tensor.of(5.0, 6.0), Tensor.scalar(7.0)));
        assertThatThrownBy(() -> avg.updateParameters(List.of(Tensor.of(1.0, 2.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AveragedParameters: the average has 2 tensors but 1 were given");
        assertThatThrownBy(() -> avg.updateParameters(List.of(Tensor.of(1.0, 2.0), Tensor.of(3.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tensors[1] has shape [1] but its average has shape []");
        assertThat(avg.nAveraged()).isEqualTo(1);
        assertThat(avg.averaged().get(0).toDoubleArray()).containsExactly(5, 6);
    }

    @Test
    void aCustomRuleWithAWrongResultChangesNothing() {
        AveragedParameters avg = AveragedParameters.builder(List.of(Tensor.of(1.0), Tensor.of(2.0)))
                .multiAvgFn((a, c, n) -> a.subList(0, 1)).build();
        avg.updateParameters(List.of(Tensor.of(3.0), Tensor.of(4.0)));
        assertThatThrownBy(() -> avg.updateParameters(List.of(Tensor.of(5.0), Tensor.of(6.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the multiAvgFn returned 1 tensors for 2 averages");
        assertThat(avg.nAveraged()).isEqualTo(1);
        assertThat(avg.averaged().get(1).item()).isEqualTo(4.0);

        AveragedParameters reshaping = AveragedParameters.builder(List.of(Tensor.of(1.0, 2.0)))
                .avgFn((a, c, n) -> a.sum()).build();
        reshaping.updateParameters(List.of(Tensor.of(1.0, 2.0)));
        assertThatThrownBy(() -> reshaping.updateParameters(List.of(Tensor.of(1.0, 2.0))))
                .hasMessageContaining("the averaging function returned shape [] for tensor 0 whose average has shape [2]");
    }

    @Test
    void onlyOneAveragingFunctionMayBeGiven() {
        assertThatThrownBy(() -> AveragedParameters.builder(List.of(Tensor.of(1.0)))
                .avgFn(AveragingFunctions.swaAvgFn()).multiAvgFn(AveragingFunctions.swaMultiAvgFn()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only one of avgFn and multiAvgFn should be provided");
    }

    @Test
    void nullParametersAreRejected() {
        List<Tensor> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new AveragedParameters(withNull)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameters[0] is null");
        assertThatThrownBy(() -> new AveragedParameters(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
