package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MlpTest {
    @Test
    void buildsLinearLayersWithActivationsBetweenThem() {
        Sequential net = Mlp.builder().sizes(1, 40, 40, 1).activation(ReLU::new).generator(new Generator(1)).build();
        assertThat(net.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias",
                "4.weight", "4.bias");
        assertThat(net.size()).isEqualTo(5);
        assertThat(net.get(1)).isInstanceOf(ReLU.class);
        assertThat(net.get(3)).isInstanceOf(ReLU.class).isNotSameAs(net.get(1));
        assertThat(net.get(4)).isInstanceOf(Linear.class);
        assertThat(net.parameter("2.weight").shape()).containsExactly(40, 40);
        assertThat(net.forward(Tensor.zeros(5, 1)).shape()).containsExactly(5, 1);
    }

    @Test
    void defaultsAreReLUAndBiases() {
        Sequential net = Mlp.builder().sizes(2, 3).generator(new Generator(1)).build();
        assertThat(net.size()).isEqualTo(1);
        Sequential deep = Mlp.builder().sizes(2, 3, 1).bias(false).activation(Tanh::new).generator(new Generator(1)).build();
        assertThat(deep.get(1)).isInstanceOf(Tanh.class);
        assertThat(deep.namedParameters().keySet()).containsExactly("0.weight", "2.weight");
        assertThat(Mlp.builder().sizes(2, 3, 1).generator(new Generator(1)).build().get(1)).isInstanceOf(ReLU.class);
    }

    @Test
    void layersDrawFromTheGeneratorInOrder() {
        Generator rng = new Generator(4);
        Linear first = new Linear(2, 3, rng);
        Linear second = new Linear(3, 1, rng);
        Sequential net = Mlp.builder().sizes(2, 3, 1).generator(new Generator(4)).build();
        assertThat(net.parameter("0.weight").toDoubleArray()).containsExactly(first.parameter("weight").toDoubleArray());
        assertThat(net.parameter("2.bias").toDoubleArray()).containsExactly(second.parameter("bias").toDoubleArray());
    }

    @Test
    void missingSettingsAreRejected() {
        assertThatThrownBy(() -> Mlp.builder().sizes(3).generator(new Generator(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least an input and an output");
        assertThatThrownBy(() -> Mlp.builder().generator(new Generator(1)).build()).hasMessageContaining("sizes");
        assertThatThrownBy(() -> Mlp.builder().sizes(1, 2).build()).hasMessageContaining("generator");
        assertThatThrownBy(() -> Mlp.builder().sizes(1, 2).activation(null).generator(new Generator(1)).build())
                .hasMessageContaining("activation");
    }
}
