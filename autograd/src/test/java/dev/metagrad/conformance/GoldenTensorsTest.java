package dev.metagrad.conformance;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenTensorsTest {
    @Test
    void decodeReadsShapeAndRowMajorData() {
        Tensor t = GoldenTensors.decode(Json.parse("{\"shape\": [2, 2], \"data\": [1, 2, 3, \"NaN\"]}"), "t");
        assertThat(t.shape()).containsExactly(2, 2);
        assertThat(t.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(t.toDoubleArray()).containsExactly(1, 2, 3, Double.NaN);
    }

    @Test
    void decodeListDecodesEveryElementNamingItsIndex() {
        List<Tensor> ts = GoldenTensors.decodeList(Json.parse(
                "[{\"shape\": [], \"data\": [5]}, {\"shape\": [2], \"data\": [1, 2]}]"), "params0");
        assertThat(ts).hasSize(2);
        assertThat(ts.get(0).item()).isEqualTo(5.0);
        assertThat(ts.get(1).toDoubleArray()).containsExactly(1, 2);
        assertThat(GoldenTensors.decodeList(List.of(), "none")).isEmpty();
        assertThatThrownBy(() -> GoldenTensors.decodeList(Json.parse("[{\"shape\": [2], \"data\": [1]}]"), "params0"))
                .hasMessageContaining("params0[0]");
        assertThatThrownBy(() -> GoldenTensors.decodeList(Json.parse("{}"), "params0"))
                .hasMessage("params0: expected an array, got object");
    }
}
