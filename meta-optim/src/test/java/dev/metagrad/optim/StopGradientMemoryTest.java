package dev.metagrad.optim;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.state.ChainState;
import dev.metagrad.optim.state.ScaleByAdamState;
import dev.metagrad.tree.Trees;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.testing.GraphMemory.reachableNodes;
import static dev.metagrad.optim.testing.GraphMemory.usedHeapAfterGc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TorchOpt issue 218: an inner Adam whose state is carried from one outer step to the next, but never detached,
 * links every outer step's graph to the previous one, so memory grows step after step. A small MAML-like loop
 * (one differentiable inner Adam step through {@code init/update/applyUpdates} with createGraph, an outer loss
 * backward, an outer SGD step) is run with {@link StopGradient} on the state and the meta-parameters between outer
 * steps, and the heap must stay flat; the control without it shows the graph chain that would grow.
 */
class StopGradientMemoryTest {
    private static final double OUTER_LR = 0.01;

    /** Support and query sets of one fixed regression task; sizes are tiny so 10,000 steps take seconds. */
    private final Generator rng = new Generator(218);
    private final Tensor xs = Tensor.randn(rng, 8, 2);
    private final Tensor ys = xs.sum(1, true).sin();
    private final Tensor xq = Tensor.randn(rng, 8, 2);
    private final Tensor yq = xq.sum(1, true).sin();
    private final GradientTransformation inner = Alias.adam(AdamOptions.defaults().lr(0.05));

    /** The meta-parameters and the inner optimizer state that survive an outer step. */
    private record Carry(Map<String, Tensor> theta, OptState state) {
    }

    private Map<String, Tensor> initialTheta() {
        Map<String, Tensor> theta = new LinkedHashMap<>();
        theta.put("w1", Tensor.randn(rng, 2, 8).mul(0.5).detach().requiresGrad(true));
        theta.put("b1", Tensor.zeros(8).requiresGrad(true));
        theta.put("w2", Tensor.randn(rng, 8, 1).mul(0.5).detach().requiresGrad(true));
        return theta;
    }

    private static Tensor loss(Map<String, Tensor> p, Tensor x, Tensor y) {
        Tensor pred = x.matmul(p.get("w1")).add(p.get("b1")).tanh().matmul(p.get("w2"));
        return pred.sub(y).square().mean();
    }

    /**
     * One outer step. Everything it builds lives in this frame only, so after it returns nothing but the
     * returned carry (and whatever that carry links to) can keep it alive.
     *
     * @param cut          whether to stopGradient the state and the meta-parameters (the fix)
     * @param retainGraph  whether the outer backward keeps the graph (needed to run the uncut control at all)
     * @param firstNode    receives a weak reference to the node behind the new state's first moment
     */
    private Carry outerStep(Carry carry, boolean cut, boolean retainGraph, WeakReference<?>[] firstNode) {
        Map<String, Tensor> theta = carry.theta();
        List<String> names = List.copyOf(theta.keySet());
        Tensor[] g = Autograd.gradOf(loss(theta, xs, ys)).inputs(names.stream().map(theta::get).toList())
                .createGraph(true).compute();
        Map<String, Tensor> grads = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            grads.put(names.get(i), g[i]);
        }
        GradientTransformation.Update update = inner.update(grads, carry.state(), theta);
        Map<String, Tensor> adapted = Updates.applyUpdates(theta, update.updates());
        Autograd.backward(loss(adapted, xq, yq)).retainGraph(retainGraph).run();

        // a differentiable outer SGD step: the new meta-parameters are produced by ops, so they need the cut too
        Map<String, Tensor> next = new LinkedHashMap<>();
        theta.forEach((name, p) -> next.put(name, p.sub(p.grad().mul(OUTER_LR))));
        firstNode[0] = new WeakReference<>(firstMoment(update.state()).gradFn());
        // the meta-parameters are always cut so that, in the control, only the optimizer state can hold a chain
        Map<String, Tensor> nextTheta = StopGradient.stopGradient(next);
        OptState nextState = cut ? StopGradient.stopGradient(update.state()) : update.state();
        return new Carry(nextTheta, nextState);
    }

    private static Tensor firstMoment(OptState state) {
        ScaleByAdamState adam = findAdam(state);
        return Trees.leaves(adam.mu()).get(0);
    }

    private static ScaleByAdamState findAdam(OptState state) {
        if (state instanceof ScaleByAdamState adam) {
            return adam;
        }
        if (state instanceof ChainState chain) {
            for (OptState s : chain.states()) {
                if (s instanceof ScaleByAdamState || s instanceof ChainState) {
                    return findAdam(s);
                }
            }
        }
        throw new AssertionError("no Adam state in " + state);
    }

    @Test
    void heapStaysFlatOverTenThousandOuterStepsWithStopGradient() throws InterruptedException {
        Map<String, Tensor> theta = initialTheta();
        Carry carry = new Carry(theta, inner.init(theta));
        WeakReference<?>[] node = new WeakReference<?>[1];
        WeakReference<?> firstStepNode = null;
        double firstLoss = loss(theta, xq, yq).item();
        long afterWarmup = 0;
        for (int step = 1; step <= 10_000; step++) {
            carry = outerStep(carry, true, false, node);
            if (step == 1) {
                firstStepNode = node[0];
            }
            if (step % 1000 == 0) {
                assertThat(Trees.leaves(carry.state())).as("state leaves at step " + step).allMatch(Tensor::isLeaf);
                assertThat(carry.theta().values()).allMatch(Tensor::isLeaf).allMatch(Tensor::requiresGrad);
            }
            if (step == 1000) {
                afterWarmup = usedHeapAfterGc();
            }
        }
        long growth = usedHeapAfterGc() - afterWarmup;
        assertThat(growth).as("heap growth in bytes from outer step 1,000 to 10,000").isLessThan(16L << 20);
        assertThat(firstStepNode.get()).as("first outer step's state graph after GC").isNull();
        assertThat(node[0].get()).as("last outer step's state graph after GC").isNull();
        assertThat(reachableNodes(List.of(firstMoment(carry.state())))).isZero();
        // and the loop did learn something: meta-training lowers the post-adaptation query loss
        assertThat(loss(carry.theta(), xq, yq).item()).isLessThan(firstLoss);
    }

    @Test
    void withoutStopGradientTheStateKeepsEveryEarlierStepReachable() {
        Map<String, Tensor> theta = initialTheta();
        Carry carry = new Carry(theta, inner.init(theta));
        WeakReference<?>[] node = new WeakReference<?>[1];
        carry = outerStep(carry, false, true, node);
        WeakReference<?> firstStepNode = node[0];
        int[] reachable = new int[4];
        for (int round = 0; round < reachable.length; round++) {
            for (int step = 0; step < 10; step++) {
                carry = outerStep(carry, false, true, node);
            }
            reachable[round] = reachableNodes(List.of(firstMoment(carry.state())));
        }
        // the chain grows by the same number of nodes every outer step: memory grows without bound
        int perTenSteps = reachable[1] - reachable[0];
        assertThat(perTenSteps).as("nodes added per 10 outer steps, reachable " + java.util.Arrays.toString(reachable))
                .isPositive();
        assertThat(reachable[3] - reachable[2]).isEqualTo(perTenSteps);
        assertThat(reachable[2] - reachable[1]).isEqualTo(perTenSteps);
        System.gc();
        assertThat(firstStepNode.get()).as("first outer step's state graph, still linked from the state").isNotNull();
    }

    @Test
    void withoutStopGradientOrRetainGraphTheSecondOuterBackwardFails() {
        Map<String, Tensor> theta = initialTheta();
        Carry first = outerStep(new Carry(theta, inner.init(theta)), false, false, new WeakReference<?>[1]);
        // the state still points into the first step's freed graph: torch's "backward through the graph a second time"
        assertThatThrownBy(() -> outerStep(first, false, false, new WeakReference<?>[1]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("second time");
        Carry cut = new Carry(first.theta(), StopGradient.stopGradient(first.state()));
        assertThat(outerStep(cut, true, false, new WeakReference<?>[1]).theta()).hasSize(3);
    }
}
