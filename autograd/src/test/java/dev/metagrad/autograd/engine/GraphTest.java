package dev.metagrad.autograd.engine;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphTest {
    private static final Backward IDENTITY = g -> new Tensor[] {g};

    @Test
    void recordAttachesANodeWhenAnInputRequiresGrad() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor out = Graph.record("myop", Tensor.of(2.0), IDENTITY, x);
        assertThat(out.requiresGrad()).isTrue();
        assertThat(out.isLeaf()).isFalse();
        assertThat(out.gradFn().name()).isEqualTo("myop");
        assertThat(out.gradFn().edges()).containsExactly(new Node.Edge(null, x));
    }

    @Test
    void recordLeavesTheOutputAloneWhenNoInputRequiresGrad() {
        Tensor out = Graph.record("myop", Tensor.of(2.0), IDENTITY, Tensor.of(1.0), null);
        assertThat(out.requiresGrad()).isFalse();
        assertThat(out.gradFn()).isNull();
    }

    @Test
    void recordLeavesTheOutputAloneUnderNoGrad() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        try (GradMode.Scope scope = GradMode.noGrad()) {
            assertThat(Graph.isRecording(x)).isFalse();
            assertThat(Graph.record("myop", Tensor.of(2.0), IDENTITY, x).gradFn()).isNull();
        }
        assertThat(Graph.isRecording(x)).isTrue();
    }

    @Test
    void isRecordingNeedsAnInputThatRequiresGrad() {
        assertThat(Graph.isRecording(Tensor.of(1.0), null)).isFalse();
        assertThat(Graph.isRecording()).isFalse();
        assertThat(Graph.isRecording(Tensor.of(1.0), Tensor.of(1.0).requiresGrad(true))).isTrue();
    }

    @Test
    void recordRefusesAnOutputThatAlreadyTakesPartInAGraph() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor leaf = Tensor.of(2.0).requiresGrad(true);
        assertThatThrownBy(() -> Graph.record("myop", leaf, IDENTITY, x))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already takes part in a graph");
    }
}
