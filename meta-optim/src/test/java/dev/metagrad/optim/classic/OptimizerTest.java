package dev.metagrad.optim.classic;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Linear;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.AdamOptions;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.SgdOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizerTest {
    private static Tensor quadratic(Tensor p) {
        return p.square().sum();
    }

    @Test
    void sgdStepUsesAccumulatedGradAndReplacesTheLeaf() {
        Tensor p = Tensor.of(1.0, -2.0).requiresGrad(true);
        SGD opt = new SGD(List.of(p), SgdOptions.defaults().lr(0.1));
        quadratic(p).backward();
        assertThat(opt.step()).isNull();
        Tensor p1 = opt.params().get(0);
        assertThat(p1.toDoubleArray()).containsExactly(0.8, -1.6);
        assertThat(p1.isLeaf()).isTrue();
        assertThat(p1.requiresGrad()).isTrue();
        assertThat(p1.grad().toDoubleArray()).containsExactly(2.0, -4.0); // kept until zeroGrad
        assertThat(p.toDoubleArray()).containsExactly(1.0, -2.0); // the given tensor is unchanged
    }

    @Test
    void zeroGradZeroesOrClears() {
        Tensor p = Tensor.of(1.0).requiresGrad(true);
        SGD opt = new SGD(List.of(p), SgdOptions.defaults().lr(0.1));
        quadratic(p).backward();
        opt.zeroGrad();
        assertThat(p.grad().toDoubleArray()).containsExactly(0.0);
        opt.zeroGrad(true);
        assertThat(p.grad()).isNull();
    }

    @Test
    void closureIsRunAndItsLossReturned() {
        Tensor p = Tensor.of(3.0).requiresGrad(true);
        SGD opt = new SGD(List.of(p), SgdOptions.defaults().lr(0.25));
        for (int k = 0; k < 3; k++) {
            Tensor loss = opt.step(() -> {
                opt.zeroGrad(true);
                Tensor l = quadratic(opt.params().get(0));
                l.backward();
                return l;
            });
            assertThat(loss).isNotNull();
        }
        // p ← p − 0.25·2p = p/2 each step
        assertThat(opt.params().get(0).item()).isEqualTo(3.0 / 8.0);
    }

    @Test
    void moduleParametersAreUpdatedThroughTheModule() {
        Module m = new Linear(2, 1, new Generator(7));
        Adam opt = new Adam(m, Adam.defaults().lr(0.1));
        Tensor w0 = m.parameter("weight");
        m.forward(Tensor.of(new double[][] {{1.0, 2.0}})).sum().backward();
        opt.step();
        assertThat(m.parameter("weight")).isNotSameAs(w0);
        assertThat(m.parameter("weight").isLeaf()).isTrue();
        // Adam's first step moves every coordinate by lr against the gradient's sign
        for (double d : m.parameter("weight").sub(w0).toDoubleArray()) {
            assertThat(Math.abs(d)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void paramGroupsHaveTheirOwnState() {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Tensor b = Tensor.of(1.0, 2.0).requiresGrad(true);
        SGD opt = new SGD(List.of(a), SgdOptions.defaults().lr(0.1).momentum(0.9));
        opt.addParamGroup(List.of(b));
        assertThat(opt.stateDict()).hasSize(2);
        assertThat(opt.paramGroups().get(1)).containsExactly(b);
        quadratic(a).add(quadratic(b)).backward();
        opt.step();
        assertThat(opt.paramGroups().get(1).get(0).toDoubleArray()).containsExactly(0.8, 1.6);
        assertThatThrownBy(() -> opt.addParamGroup(List.of(opt.params().get(0)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than one parameter group");
    }

    @Test
    void stateDictRoundTripReproducesTheTrajectory() {
        Tensor p = Tensor.of(1.0, -0.5).requiresGrad(true);
        Adam opt = new Adam(List.of(p), AdamOptions.defaults().lr(0.1));
        quadratic(p).backward();
        opt.step();
        List<OptState> saved = opt.stateDict();
        Tensor p1 = opt.params().get(0);
        opt.step();
        double[] twice = opt.params().get(0).toDoubleArray();

        Adam fresh = new Adam(List.of(p1), AdamOptions.defaults().lr(0.1));
        fresh.loadStateDict(saved);
        fresh.step();
        assertThat(fresh.params().get(0).toDoubleArray()).containsExactly(twice);
    }

    @Test
    void loadStateDictValidatesBeforeChanging() {
        Tensor p = Tensor.of(1.0).requiresGrad(true);
        Adam opt = new Adam(List.of(p));
        List<OptState> before = opt.stateDict();
        assertThatThrownBy(() -> opt.loadStateDict(List.of(before.get(0), before.get(0)))).isInstanceOf(IllegalArgumentException.class);
        OptState other = new SGD(List.of(Tensor.of(1.0).requiresGrad(true)), SgdOptions.defaults().lr(0.1).momentum(0.5)).stateDict().get(0);
        assertThatThrownBy(() -> opt.loadStateDict(List.of(other))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("structure");
        assertThat(opt.stateDict()).isEqualTo(before);
    }

    @Test
    void constructorErrors() {
        assertThatThrownBy(() -> new SGD(List.of(), SgdOptions.defaults().lr(0.1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        Tensor leaf = Tensor.of(1.0).requiresGrad(true);
        Tensor computed = leaf.mul(2.0);
        assertThatThrownBy(() -> new SGD(List.of(computed), SgdOptions.defaults().lr(0.1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-leaf");
        assertThatThrownBy(() -> new SGD(List.of(leaf, leaf), SgdOptions.defaults().lr(0.1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SGD(List.of(leaf), SgdOptions.defaults())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedStepLeavesParametersAndStateUnchanged() {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Tensor b = Tensor.of(2.0).requiresGrad(true);
        SGD opt = new SGD(List.of(a), SgdOptions.defaults().lr(0.1).momentum(0.9));
        opt.addParamGroup(List.of(b));
        quadratic(a).backward(); // b has no gradient: the second group fails after the first was computed
        List<OptState> before = opt.stateDict();
        assertThatThrownBy(opt::step).isInstanceOf(IllegalStateException.class).hasMessageContaining("no gradient");
        assertThat(opt.params()).containsExactly(a, b);
        assertThat(opt.stateDict()).isEqualTo(before);
    }

    @Test
    void throwingTransformationLeavesEverythingAsItWas() {
        GradientTransformation failing = new GradientTransformation() {
            @Override
            public OptState init(Object params) {
                return new dev.metagrad.optim.state.EmptyState();
            }

            @Override
            public Update update(Object updates, OptState state, Object params, boolean inplace) {
                throw new ArithmeticException("boom");
            }
        };
        Tensor p = Tensor.of(1.0).requiresGrad(true);
        Optimizer opt = new Optimizer(List.of(p), failing);
        quadratic(p).backward();
        assertThatThrownBy(opt::step).isInstanceOf(ArithmeticException.class);
        assertThat(opt.params()).containsExactly(p);
    }

    @Test
    void classDefaultsFollowTorchOpt() {
        assertThat(AdaDelta.defaults().lr()).isEqualTo(new dev.metagrad.optim.LearningRate.Constant(1.0));
        assertThat(AdaMax.defaults().eps()).isEqualTo(1e-8);
        assertThat(RAdam.defaults().eps()).isEqualTo(1e-8);
        assertThat(AdamW.defaults().weightDecay()).isEqualTo(1e-2);
        assertThat(AdaGrad.defaults().eps()).isEqualTo(1e-10);
        assertThat(RMSProp.defaults().alpha()).isEqualTo(0.99);
        for (Optimizer o : List.of(new AdamW(List.of(Tensor.of(1.0).requiresGrad(true))), new AdaMax(List.of(Tensor.of(1.0).requiresGrad(true))),
                new AdaDelta(List.of(Tensor.of(1.0).requiresGrad(true))), new AdaGrad(List.of(Tensor.of(1.0).requiresGrad(true))),
                new RAdam(List.of(Tensor.of(1.0).requiresGrad(true))), new RMSProp(List.of(Tensor.of(1.0).requiresGrad(true))))) {
            Tensor q = o.params().get(0);
            quadratic(q).backward();
            o.step();
            assertThat(o.params().get(0).item()).as(o.getClass().getSimpleName()).isLessThan(1.0);
        }
    }
}
