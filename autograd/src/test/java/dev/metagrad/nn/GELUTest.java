package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GELUTest {
    private static final Tensor X = Tensor.randn(new Generator(1), 3, 4).mul(3.0);

    @Test
    void forwardIsTheFunctionalActivation() {
        assertThat(new GELU().forward(X).toDoubleArray()).containsExactly(Activations.gelu(X).toDoubleArray());
    }

    @Test
    void hasNoStateAndPrintsLikeTorch() {
        assertThat(new GELU().namedParameters()).isEmpty();
        assertThat(new GELU().namedBuffers()).isEmpty();
        assertThat(new GELU()).hasToString("GELU(approximate='none')");
    }

    @Test
    void theTanhApproximationCanBeChosen() {
        GELU gelu = new GELU("tanh");
        assertThat(gelu.approximate()).isEqualTo("tanh");
        assertThat(gelu.forward(X).toDoubleArray()).containsExactly(Activations.geluTanh(X).toDoubleArray());
        assertThatThrownBy(() -> new GELU("erf"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"erf\"");
    }
}
