package dev.metagrad.zeroorder;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SamplableTest {
    @Test
    void standardNormalDrawsEachArgumentsSamplesAsOneBatch() {
        Tensor[][] drawn = Samplable.standardNormal().sampleAll(4, new int[][] {{3}, {2, 2}}, new Generator(5));
        Generator rng = new Generator(5);
        double[] first = Tensor.randn(rng, 4, 3).toDoubleArray();
        double[] second = Tensor.randn(rng, 4, 2, 2).toDoubleArray();
        for (int k = 0; k < 4; k++) {
            assertThat(drawn[k][0].shape()).containsExactly(3);
            assertThat(drawn[k][0].toDoubleArray()).containsExactly(Arrays.copyOfRange(first, 3 * k, 3 * k + 3));
            assertThat(drawn[k][1].shape()).containsExactly(2, 2);
            assertThat(drawn[k][1].toDoubleArray()).containsExactly(Arrays.copyOfRange(second, 4 * k, 4 * k + 4));
        }
    }

    @Test
    void uniformOnSphereGivesEachSampleLengthSqrtD() {
        Tensor[][] drawn = Samplable.uniformOnSphere().sampleAll(5, new int[][] {{9}}, new Generator(6));
        for (Tensor[] sample : drawn) {
            assertThat(sample[0].square().sum().item()).isCloseTo(9.0, within(1e-12));
        }
    }

    @Test
    void aCustomDistributionIsCalledSampleMajorInArgumentOrder() {
        List<String> calls = new ArrayList<>();
        Samplable recording = (shape, rng) -> {
            calls.add(Arrays.toString(shape));
            return Tensor.zeros(shape);
        };
        recording.sampleAll(2, new int[][] {{1}, {2}}, new Generator(0));
        assertThat(calls).containsExactly("[1]", "[2]", "[1]", "[2]");
    }
}
