package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionalResultTest {
    @Test
    void theBufferMapIsAnOrderedUnmodifiableCopy() {
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        buffers.put("z", Tensor.of(1.0));
        buffers.put("a", Tensor.of(2.0));
        FunctionalResult r = new FunctionalResult(Tensor.of(0.0), buffers);
        buffers.clear();
        assertThat(r.updatedBuffers().keySet()).containsExactly("z", "a");
        assertThatThrownBy(() -> r.updatedBuffers().put("b", Tensor.of(3.0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theOutputIsRequired() {
        assertThatThrownBy(() -> new FunctionalResult(null, Map.of())).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("output");
    }
}
