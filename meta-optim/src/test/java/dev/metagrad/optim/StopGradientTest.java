package dev.metagrad.optim;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.BatchNorm1d;
import dev.metagrad.nn.Linear;
import dev.metagrad.optim.state.ChainState;
import dev.metagrad.optim.state.ScaleByAdamState;
import dev.metagrad.tree.Trees;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StopGradientTest {
    @Test
    void moduleParametersBecomeLeavesInTheModuleKeepingRequiresGrad() {
        Linear fc = new Linear(3, 2, new Generator(1));
        Tensor frozenBias = fc.parameter("bias").requiresGrad(false);
        Tensor w0 = fc.parameter("weight");
        Tensor stepped = w0.mul(0.5);
        fc.setParameter("weight", stepped);
        assertThat(fc.parameter("weight").isLeaf()).isFalse();

        Linear same = StopGradient.stopGradient(fc);

        assertThat(same).isSameAs(fc);
        Tensor w = fc.parameter("weight");
        assertThat(w.isLeaf()).isTrue();
        assertThat(w.requiresGrad()).isTrue();
        assertThat(w.toDoubleArray()).containsExactly(stepped.toDoubleArray());
        // a leaf is kept as it is: same object, still not requiring grad
        assertThat(fc.parameter("bias")).isSameAs(frozenBias);
        assertThat(frozenBias.requiresGrad()).isFalse();
        // the next forward starts a fresh graph that ends at the new leaf, not at w0
        Tensor loss = fc.forward(Tensor.ones(1, 3)).sum();
        loss.backward();
        assertThat(w.grad()).isNotNull();
        assertThat(w0.grad()).isNull();
    }

    @Test
    void moduleBuffersBecomeConstants() {
        BatchNorm1d bn = new BatchNorm1d(2);
        String name = bn.namedBuffers().keySet().stream().filter(n -> n.contains("mean")).findFirst().orElseThrow();
        Tensor source = Tensor.of(1.0, 2.0).requiresGrad(true);
        bn.setBuffer(name, source.mul(2.0));
        assertThat(bn.buffer(name).isLeaf()).isFalse();

        StopGradient.stopGradient(bn);

        assertThat(bn.buffer(name).isLeaf()).isTrue();
        assertThat(bn.buffer(name).requiresGrad()).isFalse();
        assertThat(bn.buffer(name).toDoubleArray()).containsExactly(2.0, 4.0);
    }

    @Test
    void detachableIsAskedToStopItsOwnGradient() {
        int[] calls = {0};
        Detachable d = () -> calls[0]++;
        assertThat(StopGradient.stopGradient(d)).isSameAs(d);
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void optStateRecordIsReturnedDetachedAndTheOldOneIsUntouched() {
        Tensor p = Tensor.of(1.0, -2.0).requiresGrad(true);
        Tensor mu = p.mul(0.1);
        Tensor nu = p.square().mul(0.001);
        Tensor count = Tensor.ofLongs(new long[] {3});
        ChainState state = new ChainState(List.of(new ScaleByAdamState(List.of(mu), List.of(nu), List.of(count))));

        ChainState cut = StopGradient.stopGradient(state);

        assertThat(cut).isNotSameAs(state);
        ScaleByAdamState adam = (ScaleByAdamState) cut.states().get(0);
        Tensor newMu = ((List<?>) adam.mu()).get(0) instanceof Tensor t ? t : null;
        assertThat(newMu.isLeaf()).isTrue();
        assertThat(newMu.requiresGrad()).as("kept, as TorchOpt does").isTrue();
        assertThat(newMu.toDoubleArray()).containsExactly(mu.toDoubleArray());
        assertThat(Trees.leaves(cut)).allMatch(Tensor::isLeaf).hasSize(3);
        // leaves (the int count) come back as the same object
        assertThat(((List<?>) adam.count()).get(0)).isSameAs(count);
        // immutable: the argument still holds its graph
        assertThat(Trees.leaves(state).get(0).gradFn()).isNotNull();
    }

    @Test
    void plainTreesAreDetachedLeafByLeaf() {
        Tensor a = Tensor.of(1.0, 2.0).requiresGrad(true);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("a", a.mul(3.0));
        tree.put("b", List.of(a.exp(), Tensor.of(5.0)));

        Map<String, Object> cut = StopGradient.stopGradient(tree);

        assertThat(Trees.leaves(cut)).hasSize(3).allMatch(Tensor::isLeaf);
        assertThat(Trees.leaves(tree).get(0).isLeaf()).isFalse();
        assertThat(StopGradient.stopGradient((Object) null)).isNull();
        Tensor single = StopGradient.stopGradient(a.mul(2.0));
        assertThat(single.isLeaf()).isTrue();
        assertThat(single.toDoubleArray()).containsExactly(2.0, 4.0);
    }

    @Test
    void unsupportedTargetsAreNamed() {
        assertThatThrownBy(() -> StopGradient.stopGradient("not a tree"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> StopGradient.stopGradient(List.of(Tensor.of(1.0), 42)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stopGradient")
                .hasMessageContaining("java.lang.Integer");
    }
}
