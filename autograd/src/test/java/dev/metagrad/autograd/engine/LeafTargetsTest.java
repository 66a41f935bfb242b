package dev.metagrad.autograd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metagrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeafTargetsTest {
    @ParameterizedTest(name = "{0} targets")
    @ValueSource(ints = {0, 1, 4, 5, LeafTargets.SCAN, LeafTargets.SCAN + 1, 3 * LeafTargets.SCAN})
    void containsExactlyTheAddedTensorsByIdentity(int size) {
        LeafTargets targets = new LeafTargets();
        List<Tensor> added = new ArrayList<>();
        List<Tensor> others = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Tensor t = Tensor.of(1.0);
            added.add(t);
            targets.add(t);
            targets.add(t); // repeated adds change nothing
            others.add(Tensor.of(1.0)); // equal values, different tensors
        }
        for (Tensor t : added) {
            assertThat(targets.contains(t)).isTrue();
        }
        for (Tensor t : others) {
            assertThat(targets.contains(t)).isFalse();
        }
        assertThat(targets.contains(Tensor.of(2.0))).isFalse();
    }
}
