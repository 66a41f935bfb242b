package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlgorithmsTest {
    @Test
    void builtInsAreRegisteredByTorchName() {
        assertThat(Algorithms.names()).contains("SGD", "Adam", "AdamW");
        assertThat(Algorithms.byName("Adam").name()).isEqualTo("Adam");
        assertThat(Algorithms.byName("AdamW").defaults().get("weight_decay")).isEqualTo(1e-2);
        assertThat(Algorithms.find("adam")).isEmpty();
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Algorithms.byName("Adafactor")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown algorithm Adafactor; known: [SGD, Adam, AdamW");
    }

    @Test
    void usersRegisterTheirOwnOnceEach() {
        Algorithm sign = new Algorithm() {
            @Override
            public String name() {
                return "AlgorithmsTest.SignSGD";
            }

            @Override
            public Options defaults() {
                return Options.of("lr", 0.01);
            }

            @Override
            public void validate(Options group) {
                OptionChecks.learningRate(group);
            }

            @Override
            public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
                return new ParamStep(p.sub(g.sign().mul(group.getDouble("lr"))), state);
            }
        };
        Algorithms.register(sign);
        assertThat(Algorithms.byName("AlgorithmsTest.SignSGD")).isSameAs(sign);
        assertThatThrownBy(() -> Algorithms.register(sign)).hasMessageContaining("already registered");
    }
}
