package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BroadcastTest {
    private static final Tensor G = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void reduceToSumsOverMissingLeadingDims() {
        Tensor r = Broadcast.reduceTo(G, new int[] {3});
        assertThat(r.shape()).containsExactly(3);
        assertThat(r.toDoubleArray()).containsExactly(5, 7, 9);
    }

    @Test
    void reduceToSumsOverSizeOneDims() {
        Tensor r = Broadcast.reduceTo(G, new int[] {2, 1});
        assertThat(r.shape()).containsExactly(2, 1);
        assertThat(r.toDoubleArray()).containsExactly(6, 15);
        Tensor row = Broadcast.reduceTo(G, new int[] {1, 3});
        assertThat(row.shape()).containsExactly(1, 3);
        assertThat(row.toDoubleArray()).containsExactly(5, 7, 9);
    }

    @Test
    void reduceToAScalarSumsEverything() {
        Tensor r = Broadcast.reduceTo(G, new int[0]);
        assertThat(r.shape()).isEmpty();
        assertThat(r.item()).isEqualTo(21);
    }

    @Test
    void reduceToCombinesLeadingAndSizeOneDims() {
        Tensor g = Tensor.arange(24).reshape(2, 3, 4);
        Tensor r = Broadcast.reduceTo(g, new int[] {3, 1});
        assertThat(r.shape()).containsExactly(3, 1);
        // sum over dims 0 and 2: row j collects 4 + 4 entries
        assertThat(r.toDoubleArray()).containsExactly(60, 92, 124);
    }

    @Test
    void reduceToTheSameShapeIsTheIdentity() {
        assertThat(Broadcast.reduceTo(G, new int[] {2, 3})).isSameAs(G);
    }

    @Test
    void reduceToIsDifferentiable() {
        Tensor g = G.detach().requiresGrad(true);
        Tensor r = Broadcast.reduceTo(g, new int[] {3});
        assertThat(r.requiresGrad()).isTrue();
        Tensor[] d = Autograd.grad(r.mul(Tensor.of(1, 10, 100)).sum(), g);
        assertThat(d[0].toDoubleArray()).containsExactly(1, 10, 100, 1, 10, 100);
    }
}
