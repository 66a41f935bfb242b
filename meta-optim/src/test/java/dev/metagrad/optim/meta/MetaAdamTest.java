package dev.metagrad.optim.meta;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;
import dev.metagrad.nn.Mlp;
import dev.metagrad.nn.Sequential;
import dev.metagrad.nn.Tanh;
import dev.metagrad.optim.StopGradient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.testing.GraphMemory.reachableNodes;
import static dev.metagrad.optim.testing.GraphMemory.usedHeapAfterGc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MetaAdam} in a long MAML loop whose inner optimizer (and so its moments) lives across outer steps,
 * the setting of TorchOpt issue 218: without {@code stopGradient} each step's moments hold the previous
 * step's graph and memory grows every step.
 */
class MetaAdamTest {
    private final Generator rng = new Generator(218);
    private final Tensor xs = Tensor.randn(rng, 8, 2);
    private final Tensor ys = xs.sum(1, true).sin();
    private final Tensor xq = Tensor.randn(rng, 8, 2);
    private final Tensor yq = xq.sum(1, true).sin();

    private static Tensor mse(Tensor prediction, Tensor target) {
        return Losses.mseLoss(prediction, target, Reduction.MEAN);
    }

    /** One outer step; its tensors live only in this frame. Returns the query loss before the outer update. */
    private double outerStep(Sequential net, MetaAdam inner, boolean cut) {
        Map<String, Tensor> theta = net.namedParameters();
        List<String> names = List.copyOf(theta.keySet());
        inner.step(mse(net.forward(xs), ys));
        Tensor query = mse(net.forward(xq), yq);
        Tensor[] g = Autograd.gradOf(query).inputs(names.stream().map(theta::get).toList()).retainGraph(!cut).compute();
        for (int i = 0; i < names.size(); i++) {
            Tensor p = theta.get(names.get(i));
            net.setParameter(names.get(i), p.sub(g[i].mul(0.01)).detach().requiresGrad(true));
        }
        if (cut) {
            StopGradient.stopGradient(inner);
        }
        return query.item();
    }

    @Test
    void tenThousandOuterStepsKeepTheHeapFlatWhenTheStateIsDetached() throws InterruptedException {
        Sequential net = Mlp.builder().sizes(2, 8, 1).activation(Tanh::new).generator(new Generator(1)).build();
        MetaAdam inner = new MetaAdam(net, MetaAdam.defaults().lr(0.05));
        double first = outerStep(net, inner, true);
        long afterWarmup = 0;
        double last = first;
        for (int step = 2; step <= 10_000; step++) {
            last = outerStep(net, inner, true);
            if (step == 1_000) {
                afterWarmup = usedHeapAfterGc();
            }
        }
        long growth = usedHeapAfterGc() - afterWarmup;
        assertThat(growth).as("heap growth in bytes from outer step 1,000 to 10,000").isLessThan(16L << 20);
        assertThat(last).as("query loss after meta-training").isLessThan(first);
    }

    @Test
    void withoutStopGradientTheMomentsChainEveryOuterStepToThePrevious() {
        Sequential net = Mlp.builder().sizes(2, 8, 1).activation(Tanh::new).generator(new Generator(1)).build();
        MetaAdam inner = new MetaAdam(net, MetaAdam.defaults().lr(0.05));
        outerStep(net, inner, false);
        int after1 = graphSize(inner);
        outerStep(net, inner, false);
        outerStep(net, inner, false);
        assertThat(graphSize(inner)).as("graph nodes reachable from the moments after 3 uncut steps")
                .isGreaterThan(2 * after1);
        StopGradient.stopGradient(inner);
        assertThat(graphSize(inner)).isZero();
    }

    /** Autograd nodes reachable from the optimizer's state tensors. */
    private static int graphSize(MetaOptimizer optimizer) {
        return reachableNodes(StateTensors.leaves(optimizer.stateDict()));
    }
}
