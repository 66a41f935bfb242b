package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Normalization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LayerNormTest {
    @Test
    void freshLayerHasOnesAndZerosOfTheNormalizedShape() {
        LayerNorm ln = new LayerNorm(2, 3);
        assertThat(ln.namedParameters().keySet()).containsExactly("weight", "bias");
        assertThat(ln.parameter("weight").shape()).containsExactly(2, 3);
        assertThat(ln.parameter("weight").toDoubleArray()).containsOnly(1.0);
        assertThat(ln.parameter("bias").toDoubleArray()).containsOnly(0.0);
        assertThat(ln.normalizedShape()).containsExactly(2, 3);
        assertThat(ln.eps()).isEqualTo(1e-5);
        assertThat(ln).hasToString("LayerNorm((2, 3), eps=1e-05, elementwise_affine=True)");
        assertThat(new LayerNorm(4)).hasToString("LayerNorm((4,), eps=1e-05, elementwise_affine=True)");
    }

    @Test
    void forwardNormalisesTheTrailingDims() {
        LayerNorm ln = LayerNorm.builder(4).eps(0.0).build();
        Tensor y = ln.forward(Tensor.of(new double[] {1, 2, 3, 4, 10, 10, 30, 30}, 2, 4));
        double s = 1 / Math.sqrt(1.25);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {-1.5 * s, -0.5 * s, 0.5 * s, 1.5 * s, -1, -1, 1, 1},
                within(1e-15));
    }

    @Test
    void forwardIsFLayerNormWithTheParameters() {
        LayerNorm ln = new LayerNorm(3);
        ln.setParameter("weight", Tensor.of(1, 2, 3));
        ln.setParameter("bias", Tensor.of(-1, 0, 1));
        Tensor x = Tensor.randn(new Generator(1), 2, 3);
        Tensor expected = Normalization.layerNorm(x, new int[] {3}, Tensor.of(1, 2, 3), Tensor.of(-1, 0, 1), 1e-5);
        assertThat(ln.forward(x).toDoubleArray()).containsExactly(expected.toDoubleArray());
        ln.eval();
        assertThat(ln.forward(x).toDoubleArray()).containsExactly(expected.toDoubleArray());
    }

    @Test
    void affinePartsCanBeLeftOut() {
        assertThat(LayerNorm.builder(3).elementwiseAffine(false).build().namedParameters()).isEmpty();
        assertThat(LayerNorm.builder(3).bias(false).build().namedParameters().keySet()).containsExactly("weight");
    }

    @Test
    void badSettingsAndInputsAreRejected() {
        assertThatThrownBy(LayerNorm::new).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> new LayerNorm(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> LayerNorm.builder(2).eps(-1).build()).hasMessageContaining("eps");
        assertThatThrownBy(() -> new LayerNorm(3).forward(Tensor.zeros(3, 2))).hasMessageContaining("trailing dims");
    }
}
