package dev.metagrad.autograd.engine;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.CustomFunction;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineTest {

    /** Every node reachable from {@code root}. */
    private static List<Node> graphOf(Tensor root) {
        List<Node> nodes = new ArrayList<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.push(root.gradFn());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue;
            }
            nodes.add(n);
            for (Node.Edge edge : n.edges()) {
                if (edge != null && edge.node() != null) {
                    todo.push(edge.node());
                }
            }
        }
        return nodes;
    }

    /** y = 2 x whose backward counts its calls. */
    private static final class Counting extends CustomFunction {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return in[0].mul(2.0);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            calls.incrementAndGet();
            return new Tensor[] {g.mul(2.0)};
        }
    }

    @Test
    void runReturnsOneGradientPerInput() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor y = Tensor.of(3.0).requiresGrad(true);
        Tensor out = x.mul(y).sum();
        Tensor[] g = Engine.run(new Tensor[] {out}, null, new Tensor[] {y, x}, false, false, false, false, false);
        assertThat(g).hasSize(2);
        assertThat(g[0].toDoubleArray()).containsExactly(3);
        assertThat(g[1].toDoubleArray()).containsExactly(3, 3);
    }

    @Test
    void aPassWithoutRetainGraphReleasesEveryNodeItRan() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor loss = x.exp().mul(x).tanh().sum();
        List<Node> nodes = graphOf(loss);
        assertThat(nodes).hasSizeGreaterThanOrEqualTo(4).noneMatch(Node::isReleased);
        loss.backward();
        assertThat(nodes).allMatch(Node::isReleased);
    }

    @Test
    void aPassWithRetainGraphKeepsTheNodes() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor loss = x.exp().sum();
        Autograd.gradOf(loss).inputs(x).retainGraph(true).compute();
        assertThat(graphOf(loss)).noneMatch(Node::isReleased);
    }

    @Test
    void onlyNodesOnAPathToARequestedInputRun() {
        Counting f = new Counting();
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor w = Tensor.of(2.0).requiresGrad(true);
        Tensor out = f.apply(w).add(x.mul(3.0)).sum();
        assertThat(Autograd.grad(out, x)[0].item()).isEqualTo(3.0);
        assertThat(f.calls).hasValue(0);
        Tensor out2 = f.apply(w).add(x).sum();
        assertThat(Autograd.grad(out2, w)[0].item()).isEqualTo(2.0);
        assertThat(f.calls).hasValue(1);
    }

    @Test
    void aSharedSubgraphRunsOnceWithTheSummedGradient() {
        Counting f = new Counting();
        Tensor x = Tensor.of(1.5).requiresGrad(true);
        Tensor h = f.apply(x);
        Tensor out = h.mul(3.0).add(h.square()).sum();
        // d/dx (3h + h^2) = (3 + 2h) * 2 with h = 3
        assertThat(Autograd.grad(out, x)[0].item()).isEqualTo(18.0);
        assertThat(f.calls).hasValue(1);
    }

    @Test
    void topologicalOrderPutsInputsBeforeTheirUsers() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor a = x.exp();
        Tensor b = a.mul(2.0);
        Tensor c = a.add(b);
        Pass pass = new Pass();
        List<Node> order = Engine.topologicalOrder(List.of(c.gradFn()), pass);
        pass.finish();
        assertThat(order).hasSize(3);
        assertThat(order.indexOf(a.gradFn())).isLessThan(order.indexOf(b.gradFn()));
        assertThat(order.indexOf(b.gradFn())).isLessThan(order.indexOf(c.gradFn()));
        assertThat(order.get(order.size() - 1)).isSameAs(c.gradFn());
    }

    @Test
    void nodeDepthIsTheLongestPathFromALeaf() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor a = x.exp();
        Tensor b = a.mul(2.0).mul(3.0);
        Tensor c = a.add(b);
        assertThat(a.gradFn().depth).isEqualTo(1);
        assertThat(b.gradFn().depth).isEqualTo(3);
        assertThat(c.gradFn().depth).isEqualTo(4);
    }

    @Test
    void theWalkDoesNotEnterNodesShallowerThanTheTargets() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor history = x.exp().mul(2.0).tanh();
        Tensor target = history.mul(3.0);
        Tensor loss = target.square().add(x.exp());
        Pass pass = new Pass();
        List<Node> order = Engine.topologicalOrder(List.of(loss.gradFn()), pass, target.gradFn().depth);
        pass.finish();
        // the final add, square and the target; the history (depths 1-3) and the second exp (1) are not entered
        assertThat(order).contains(target.gradFn(), loss.gradFn()).doesNotContain(history.gradFn());
        assertThat(order).hasSize(3);
    }

    @Test
    void gradientsForProducedInputsIncludePathsThroughOtherTargets() {
        // a = 2x, b = a^2, y = a b + b: dy/db = a + 1 = 7, dy/da = b + dy/db * 2a = 36 + 7 * 12 = 120 at x = 3
        Tensor x = Tensor.of(3.0).requiresGrad(true);
        Tensor a = x.mul(2.0);
        Tensor b = a.mul(a);
        Tensor y = a.mul(b).add(b);
        Tensor[] g = Autograd.gradOf(y).inputs(a, b).compute();
        assertThat(g[0].item()).isEqualTo(120.0);
        assertThat(g[1].item()).isEqualTo(7.0);
        // and through a long history behind the targets, which the walk skips
        Tensor deep = x;
        for (int i = 0; i < 50; i++) {
            deep = deep.mul(1.0);
        }
        Tensor p = deep.mul(2.0);
        Tensor q = p.square().add(x.mul(5.0));
        assertThat(Autograd.gradOf(q).inputs(p).compute()[0].item()).isEqualTo(12.0);
    }

    @Test
    void aVeryDeepGraphDoesNotOverflowTheStack() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) {
            y = y.add(0.001);
        }
        assertThat(Autograd.grad(y.sum(), x)[0].item()).isEqualTo(1.0);
    }

    @Test
    void aBackwardReturningAWronglyShapedGradientIsReported() {
        CustomFunction bad = new CustomFunction() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].mul(1.0);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {Tensor.ones(5)};
            }
        };
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        assertThatThrownBy(() -> Autograd.grad(bad.apply(x).sum(), x))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("gradient of shape [5]", "input 0 of shape [2]");
    }

    @Test
    void secondBackwardNamesTheFreedNode() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor y = x.exp().sum();
        y.backward();
        assertThatThrownBy(y::backward)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("sumBackward", "retainGraph(true)");
    }

    // ---------------------------------------------------------------------------------------------
    // Memory

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(20);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    /**
     * One training step of a small MLP. Its tensors live only in this frame, so once it returns nothing but
     * the leaves and the returned weak reference can hold them.
     */
    private static WeakReference<Node> trainingStep(Tensor x, Tensor w1, Tensor w2, boolean inspect) {
        Tensor loss = x.matmul(w1).tanh().matmul(w2).tanh().sum();
        List<Node> nodes = inspect ? graphOf(loss) : List.of();
        loss.backward();
        // w1 keeps accumulating: accumulation must not build a graph of its own
        w2.setGrad(null);
        if (inspect) {
            assertThat(nodes).as("nodes of a finished step").hasSizeGreaterThanOrEqualTo(5).allMatch(Node::isReleased);
            assertThat(w1.grad().requiresGrad()).isFalse();
        }
        return new WeakReference<>(loss.gradFn());
    }

    /** A step that keeps its loss (as a logging loop would) and hands back a weak reference to an activation. */
    private static WeakReference<Tensor> stepKeepingTheLoss(Tensor x, Tensor w, List<Tensor> keptLosses) {
        Tensor hidden = x.matmul(w).tanh();
        Tensor loss = hidden.square().sum();
        loss.backward();
        keptLosses.add(loss);
        return new WeakReference<>(hidden);
    }

    @Test
    void aKeptLossDoesNotKeepItsStepsActivationsAliveAfterBackward() throws InterruptedException {
        Generator rng = new Generator(7);
        Tensor x = Tensor.randn(rng, 8, 16);
        Tensor w = Tensor.randn(rng, 16, 16).requiresGrad(true);
        List<Tensor> keptLosses = new ArrayList<>();
        WeakReference<Tensor> hidden = stepKeepingTheLoss(x, w, keptLosses);
        for (int i = 0; i < 20 && hidden.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(keptLosses.get(0).gradFn().isReleased()).isTrue();
        assertThat(hidden.get()).as("activation of a finished step, its loss still referenced").isNull();
    }

    @Test
    void heapStaysFlatOverTenThousandTrainingSteps() throws InterruptedException {
        Generator rng = new Generator(2024);
        Tensor x = Tensor.randn(rng, 4, 8);
        Tensor w1 = Tensor.randn(rng, 8, 16).mul(0.3).detach().requiresGrad(true);
        Tensor w2 = Tensor.randn(rng, 16, 1).mul(0.3).detach().requiresGrad(true);
        long afterWarmup = 0;
        WeakReference<Node> lastRoot = null;
        for (int it = 1; it <= 10_000; it++) {
            lastRoot = trainingStep(x, w1, w2, it % 1000 == 0);
            if (it == 1000) {
                afterWarmup = usedHeapAfterGc();
            }
        }
        long growth = usedHeapAfterGc() - afterWarmup;
        assertThat(growth).as("heap growth in bytes from iteration 1,000 to 10,000").isLessThan(16L << 20);
        // the finished graph is not held by the leaves: it is collectable
        assertThat(lastRoot.get()).as("graph of the last iteration after GC").isNull();
        assertThat(w1.isLeaf()).isTrue();
        assertThat(w1.grad().shape()).containsExactly(8, 16);
    }
}
