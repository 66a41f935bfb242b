package dev.metagrad.autograd.engine;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeTest {
    @Test
    void exposesNameEdgesAndBackwardName() {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Tensor constant = Tensor.of(2.0);
        Node node = new Node("mul", new int[] {1}, new Tensor[] {a, constant, null}, g -> new Tensor[] {g, null, null});
        assertThat(node.name()).isEqualTo("mul");
        assertThat(node.edges()).containsExactly(new Node.Edge(null, a), null, null);
        assertThat(node.toString()).isEqualTo("mulBackward");
    }

    @Test
    void aProducedInputIsReachedThroughItsNodeNotTheTensor() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor h = x.exp();
        Node node = new Node("neg", new int[] {1}, new Tensor[] {h}, g -> new Tensor[] {g});
        assertThat(node.edges()).containsExactly(new Node.Edge(h.gradFn(), null));
    }

    @Test
    void edgesIsACopy() {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Node node = new Node("neg", new int[] {1}, new Tensor[] {a}, g -> new Tensor[] {g});
        List<Node.Edge> edges = node.edges();
        edges.set(0, null);
        assertThat(node.edges()).containsExactly(new Node.Edge(null, a));
    }

    @Test
    void releaseDropsTheBackward() {
        Node node = new Node("exp", new int[] {1}, new Tensor[0], g -> new Tensor[0]);
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
