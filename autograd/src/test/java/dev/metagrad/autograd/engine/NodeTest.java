package dev.metagrad.autograd.engine;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeTest {
    @Test
    void exposesNameInputsAndBackwardName() {
        Tensor a = Tensor.of(1.0);
        Node node = new Node("mul", new Tensor[] {a, null}, g -> new Tensor[] {g, null});
        assertThat(node.name()).isEqualTo("mul");
        assertThat(node.inputs()).containsExactly(a, null);
        assertThat(node.toString()).isEqualTo("mulBackward");
    }

    @Test
    void inputsIsACopy() {
        Tensor a = Tensor.of(1.0);
        Node node = new Node("neg", new Tensor[] {a}, g -> new Tensor[] {g});
        List<Tensor> inputs = node.inputs();
        inputs.set(0, Tensor.of(5.0));
        assertThat(node.inputs()).containsExactly(a);
    }

    @Test
    void releaseDropsTheBackward() {
        Node node = new Node("exp", new Tensor[0], g -> new Tensor[0]);
        assertThat(node.isReleased()).isFalse();
        assertThat(node.backward()).isNotNull();
        node.release();
        assertThat(node.isReleased()).isTrue();
        assertThat(node.backward()).isNull();
    }

    @Test
    void opsRecordNodesNamedAfterTheOp() {
        Tensor x = Tensor.of(1.0, 2.0).requiresGrad(true);
        assertThat(x.mul(x).gradFn().name()).isEqualTo("mul");
        assertThat(x.tanh().gradFn().toString()).isEqualTo("tanhBackward");
        assertThat(x.sum().gradFn().name()).isEqualTo("sum");
    }
}
