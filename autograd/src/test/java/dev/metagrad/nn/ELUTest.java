package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ELUTest {
    private static final Tensor X = Tensor.randn(new Generator(1), 3, 4).mul(3.0);

    @Test
    void forwardIsTheFunctionalActivation() {
        assertThat(new ELU().forward(X).toDoubleArray()).containsExactly(Activations.elu(X, 1.0).toDoubleArray());
    }

    @Test
    void hasNoStateAndPrintsLikeTorch() {
        assertThat(new ELU().namedParameters()).isEmpty();
        assertThat(new ELU().namedBuffers()).isEmpty();
        assertThat(new ELU()).hasToString("ELU(alpha=1.0)");
    }

    @Test
    void alphaCanBeChosen() {
        ELU elu = new ELU(0.5);
        assertThat(elu.alpha()).isEqualTo(0.5);
        assertThat(elu.forward(X).toDoubleArray()).containsExactly(Activations.elu(X, 0.5).toDoubleArray());
    }
}
