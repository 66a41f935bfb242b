package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitTensorsTest {
    private static final List<String> NAMES = List.of("a", "b");

    private static Tensor x(int rows) {
        return Tensor.zeros(rows, 2);
    }

    @Test
    void keepsDetachedPartsAndTheirSizes() {
        Tensor xTrain = Tensor.ones(3, 2).requiresGrad(true);
        SplitTensors s = new SplitTensors("m", NAMES, xTrain, Tensor.zeros(3), x(2), Tensor.zeros(2), x(1),
                Tensor.zeros(1), (part, y) -> { });
        assertThat(s.splitSizes()).containsExactly(3, 2, 1);
        assertThat(s.xTrain().requiresGrad()).isFalse();
        assertThat(s.featureNames()).containsExactly("a", "b");
    }

    @Test
    void checksPartsInOrderShapesBeforeTargets() {
        List<String> seen = new ArrayList<>();
        new SplitTensors("m", NAMES, x(3), Tensor.zeros(3), x(2), Tensor.zeros(2), x(1), Tensor.zeros(1),
                (part, y) -> seen.add(part));
        assertThat(seen).containsExactly("train", "validation", "test");

        assertThatThrownBy(() -> new SplitTensors("m", NAMES, x(3), Tensor.zeros(3), x(2), Tensor.zeros(3), x(1),
                Tensor.zeros(1), (part, y) -> {
                    if (!part.equals("train")) {
                        throw new IllegalArgumentException("target check reached " + part);
                    }
                })).hasMessage("m: validation rows must be x [rows, 2] and y [rows] with rows > 0, got [2, 2] and [3]");
    }

    @Test
    void checksPenaltyShape() {
        SplitTensors s = new SplitTensors("m", NAMES, x(1), Tensor.zeros(1), x(1), Tensor.zeros(1), x(1),
                Tensor.zeros(1), (part, y) -> { });
        s.checkPenalties(Tensor.zeros(2));
        assertThatThrownBy(() -> s.checkPenalties(Tensor.zeros(3)))
                .hasMessage("m: log-penalties must be [2] (one per feature), got [3]");
    }
}
