package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequentialTest {
    @Test
    void appliesTheModulesInOrder() {
        Linear a = new Linear(2, 3, new Generator(1));
        Linear b = new Linear(3, 1, new Generator(2));
        Sequential seq = new Sequential(a, new Tanh(), b);
        Tensor x = Tensor.randn(new Generator(3), 4, 2);
        assertThat(seq.forward(x).toDoubleArray()).containsExactly(b.forward(a.forward(x).tanh()).toDoubleArray());
    }

    @Test
    void childrenAreNamedByPosition() {
        Sequential seq = new Sequential(List.of(new ReLU(), new Tanh()));
        assertThat(seq.namedChildren().keySet()).containsExactly("0", "1");
        assertThat(seq.size()).isEqualTo(2);
        assertThat(seq.get(1)).isInstanceOf(Tanh.class);
        assertThat(seq.submodule("0")).isSameAs(seq.get(0));
    }

    @Test
    void anEmptySequentialIsTheIdentity() {
        Tensor x = Tensor.ones(2);
        assertThat(new Sequential().forward(x)).isSameAs(x);
        assertThat(new Sequential()).hasToString("Sequential()");
    }

    @Test
    void badIndicesAndModulesAreRejected() {
        Sequential seq = new Sequential(new ReLU());
        assertThatThrownBy(() -> seq.get(1)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new Sequential(new ReLU(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1'");
    }
}
