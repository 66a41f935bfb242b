package dev.metagrad.autograd.engine;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The node marks a backward {@link Pass} keeps inside the nodes must stay private to that pass when
 * passes overlap: nested on one thread, or concurrent over a shared retained graph.
 */
class PassTest {
    private static Node node(Tensor t) {
        return t.gradFn();
    }

    @Test
    void overlappingLivePassesKeepSeparateMarks() {
        Tensor x = Tensor.of(1.0, 2.0).requiresGrad(true);
        Node a = node(x.mul(2.0));
        Node b = node(x.add(1.0));

        Pass outer = new Pass();
        assertThat(outer.visit(a)).isTrue();
        assertThat(outer.visit(a)).isFalse();
        outer.setPosition(a, 5);

        Pass inner = new Pass();
        assertThat(inner.position(a)).isEqualTo(-1);
        assertThat(inner.visit(a)).as("a node a live pass owns is tracked aside").isTrue();
        assertThat(inner.visit(a)).isFalse();
        assertThat(inner.visit(b)).isTrue();
        inner.setPosition(a, 0);
        inner.setPosition(b, 1);
        assertThat(inner.position(a)).isEqualTo(0);
        assertThat(outer.position(a)).isEqualTo(5);
        assertThat(outer.position(b)).isEqualTo(-1);

        outer.finish();
        // the owner is gone, but the inner pass has seen this node already: no second visit
        assertThat(inner.visit(a)).isFalse();
        assertThat(inner.position(a)).isEqualTo(0);
        inner.finish();

        Pass later = new Pass();
        assertThat(later.visit(a)).as("finished passes release their nodes").isTrue();
        later.setPosition(a, 3);
        assertThat(later.position(a)).isEqualTo(3);
        later.finish();
    }

    @Test
    void higherOrderGradientsThroughNestedGraphs() {
        Tensor s = Tensor.of(0.3, -1.2, 2.0).requiresGrad(true);
        Tensor f = s.pow(3.0).sum();
        Tensor d1 = Autograd.gradOf(f).inputs(s).createGraph(true).compute()[0];
        Tensor d2 = Autograd.gradOf(d1.sum()).inputs(s).createGraph(true).compute()[0];
        Tensor d3 = Autograd.gradOf(d2.sum()).inputs(s).compute()[0];
        assertThat(d1.toDoubleArray()).containsExactly(new double[] {0.27, 4.32, 12.0}, within(1e-12));
        assertThat(d2.toDoubleArray()).containsExactly(new double[] {1.8, -7.2, 12.0}, within(1e-12));
        assertThat(d3.toDoubleArray()).containsExactly(new double[] {6.0, 6.0, 6.0}, within(1e-12));
    }

    @Test
    void concurrentPassesOverASharedRetainedGraphAgreeWithASequentialOne() throws Exception {
        Tensor w = Tensor.randn(new Generator(1), 8).requiresGrad(true);
        Tensor h = w;
        for (int i = 0; i < 200; i++) {
            h = h.mul(0.9).add(0.1).tanh().mul(w);
        }
        Tensor loss = h.sum();
        double[] expected = Autograd.gradOf(loss).inputs(w).retainGraph(true).compute()[0].toDoubleArray();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<double[]>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<double[]> got = new ArrayList<>();
                    for (int r = 0; r < 50; r++) {
                        got.add(Autograd.gradOf(loss).inputs(w).retainGraph(true).compute()[0].toDoubleArray());
                    }
                    return got;
                }));
            }
            for (Future<List<double[]>> f : futures) {
                for (double[] g : f.get(60, TimeUnit.SECONDS)) {
                    assertThat(g).containsExactly(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
