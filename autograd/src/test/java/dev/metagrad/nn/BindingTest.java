package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.testing.Nets;
import org.junit.jupiter.api.Test;

import java.util.IdentityHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class BindingTest {
    @Test
    void anOwnBindingResolvesToTheOwnTensorAndStoresUpdates() {
        Nets.Open m = new Nets.Open();
        Tensor b = m.buffer("b", Tensor.of(1.0), true);
        Binding own = Binding.own();
        assertThat(own.resolve(b)).isSameAs(b);
        Tensor next = Tensor.of(2.0);
        own.updateBuffer(((Module) m).localSlot("b"), next);
        assertThat(m.buffer("b")).isSameAs(next);
        assertThat(own.updatedBuffers(m)).isEmpty();
    }

    @Test
    void aSubstitutingBindingPrefersUpdatesThenSubstitutesThenOwnTensors() {
        Nets.Open m = new Nets.Open();
        Tensor a = m.buffer("a", Tensor.of(1.0), true);
        Tensor b = m.buffer("b", Tensor.of(1.0), true);
        Tensor c = m.buffer("c", Tensor.of(1.0), true);
        IdentityHashMap<Tensor, Tensor> substitutes = new IdentityHashMap<>();
        Tensor forA = Tensor.of(5.0);
        Tensor forB = Tensor.of(6.0);
        substitutes.put(a, forA);
        substitutes.put(b, forB);
        Binding binding = Binding.substituting(substitutes);
        substitutes.clear(); // the binding keeps its own copy
        Tensor updated = Tensor.of(7.0);
        binding.updateBuffer(((Module) m).localSlot("b"), updated);

        assertThat(binding.resolve(a)).isSameAs(forA);
        assertThat(binding.resolve(b)).isSameAs(updated);
        assertThat(binding.resolve(c)).isSameAs(c);
        assertThat(m.buffer("b")).isSameAs(b);
        assertThat(binding.updatedBuffers(m)).containsOnlyKeys("b").containsEntry("b", updated);
    }
}
