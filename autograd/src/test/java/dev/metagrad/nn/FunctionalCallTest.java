package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionalCallTest {
    private final Linear linear = new Linear(2, 1, new Generator(1));
    private final Tensor x = Tensor.of(new double[] {1, 2}, 1, 2);

    @Test
    void strictReturnsANewCallAndLeavesThisOne() {
        FunctionalCall lax = Functional.bind(linear, Map.of("weight", Tensor.zeros(1, 2)));
        FunctionalCall strict = lax.strict(true);
        assertThat(lax.isStrict()).isFalse();
        assertThat(strict.isStrict()).isTrue();
        assertThat(lax.forward(x).item()).isEqualTo(linear.parameter("bias").item());
        assertThatThrownBy(() -> strict.forward(x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strict call without tensors for [bias]");
    }

    @Test
    void theMappingIsCopiedWhenBound() {
        Map<String, Tensor> p = new HashMap<>();
        p.put("weight", Tensor.zeros(1, 2));
        FunctionalCall call = Functional.bind(linear, p);
        p.put("weight", Tensor.ones(1, 2));
        p.put("nonsense", Tensor.ones(1));
        assertThat(call.forward(x).item()).isEqualTo(linear.parameter("bias").item());
    }

    @Test
    void runAndForwardGiveTheSameOutput() {
        FunctionalCall call = Functional.bind(linear, Map.of("bias", Tensor.of(3.0)));
        FunctionalResult r = call.run(x);
        assertThat(r.output().toDoubleArray()).containsExactly(call.forward(x).toDoubleArray());
        assertThat(r.updatedBuffers()).isEmpty();
    }

    @Test
    void namesAreCheckedAgainstTheModuleAsItIsWhenRun() {
        Tensor w = Tensor.zeros(1, 2);
        FunctionalCall call = Functional.bind(linear, Map.of("weight", w));
        linear.setParameter("weight", Tensor.ones(1, 2));
        assertThat(call.forward(x).item()).isEqualTo(linear.parameter("bias").item());
    }

    @Test
    void aNullModuleIsRefused() {
        assertThatThrownBy(() -> Functional.bind(null, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("module is null");
    }
}
