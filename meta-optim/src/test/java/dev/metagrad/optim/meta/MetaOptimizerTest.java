package dev.metagrad.optim.meta;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.nn.Linear;
import dev.metagrad.nn.Module;
import dev.metagrad.nn.Sequential;
import dev.metagrad.nn.Tanh;
import dev.metagrad.optim.AdamOptions;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.SgdOptions;
import dev.metagrad.optim.state.ChainState;
import dev.metagrad.optim.state.ScaleByAdamState;
import dev.metagrad.tree.Trees;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetaOptimizerTest {
    private static final Tensor X = Tensor.of(new double[][] {{0.5, -1.0}, {1.5, 0.3}, {-0.7, 0.9}});
    private static final Tensor Y = Tensor.of(new double[][] {{0.2}, {-0.4}, {0.8}});
    private static final Tensor XQ = Tensor.of(new double[][] {{-0.2, 0.4}, {1.0, 1.0}});
    private static final Tensor YQ = Tensor.of(new double[][] {{0.1}, {0.5}});

    private static Module net() {
        return new Sequential(new Linear(2, 3, new Generator(1)), new Tanh(), new Linear(3, 1, new Generator(2)));
    }

    private static Tensor loss(Module m, Tensor x, Tensor y) {
        return m.forward(x).sub(y).square().mean();
    }

    /** Query loss after two MetaSGD steps from a net whose first weight is {@code w0}. */
    private static Tensor twoStepQueryLoss(Tensor w0, SgdOptions options) {
        Module m = net();
        m.setParameter("0.weight", w0);
        MetaSGD opt = new MetaSGD(m, options);
        for (int k = 0; k < 2; k++) {
            opt.step(loss(m, X, Y));
        }
        return loss(m, XQ, YQ);
    }

    @Test
    void metaSgdTwoStepMetaGradientMatchesFiniteDifferences() {
        Tensor w0 = net().parameter("0.weight").detach().requiresGrad(true);
        SgdOptions o = MetaSGD.defaults().lr(0.3).momentum(0.5);
        assertThat(GradCheck.gradcheck(in -> twoStepQueryLoss(in[0], o), w0)).isTrue();
    }

    @Test
    void stepReplacesParametersByNonLeafTensors() {
        Module m = net();
        List<Tensor> theta0 = new ArrayList<>(m.namedParameters().values());
        new MetaSGD(m, MetaSGD.defaults().lr(0.1)).step(loss(m, X, Y));
        for (Tensor p : m.namedParameters().values()) {
            assertThat(p.isLeaf()).isFalse();
        }
        Tensor[] g = Autograd.gradOf(loss(m, XQ, YQ)).inputs(theta0).compute();
        assertThat(g[0].abs().sum().item()).isGreaterThan(0.0);
    }

    @Test
    void metaAdamStateIsDifferentiable() {
        Module m = net();
        Tensor w0 = m.parameter("0.weight");
        MetaAdam opt = new MetaAdam(m, MetaAdam.defaults().lr(0.05).epsRoot(1e-8));
        opt.step(loss(m, X, Y));
        ScaleByAdamState adam = adamState(opt.stateDict().get(0));
        Tensor mu0 = Trees.leaves(adam.mu()).get(0);
        assertThat(mu0.requiresGrad()).isTrue();
        Tensor d = Autograd.gradOf(mu0.sum()).inputs(w0).compute()[0];
        assertThat(d.abs().sum().item()).isGreaterThan(0.0);
    }

    @Test
    void learnedLearningRateGetsTheOneStepMetaGradient() {
        Tensor lr = Tensor.scalar(0.2).requiresGrad(true);
        Module m = net();
        List<Tensor> theta0 = new ArrayList<>(m.namedParameters().values());
        Tensor inner = loss(m, X, Y);
        Tensor[] gs = Autograd.gradOf(inner).inputs(theta0).retainGraph(true).compute();
        new MetaSGD(m, MetaSGD.defaults().lr(lr)).step(inner);
        Tensor q = loss(m, XQ, YQ);
        List<Tensor> theta1 = new ArrayList<>(m.namedParameters().values());
        Tensor[] gq = Autograd.gradOf(q).inputs(theta1).retainGraph(true).compute();
        double expected = 0.0; // dq/dlr = −Σ ∇q(θ_1) · ∇L(θ_0)
        for (int i = 0; i < gs.length; i++) {
            expected -= gq[i].mul(gs[i]).sum().item();
        }
        double actual = Autograd.gradOf(q).inputs(lr).compute()[0].item();
        assertThat(actual).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void stopGradientDetachesStateButNotParameters() {
        Module m = net();
        MetaAdam opt = new MetaAdam(m, MetaAdam.defaults().lr(0.05));
        opt.step(loss(m, X, Y));
        opt.stopGradient();
        for (Tensor t : StateTensors.leaves(opt.stateDict())) {
            assertThat(t.isLeaf()).isTrue();
        }
        assertThat(m.parameter("0.weight").isLeaf()).isFalse();
        opt.step(loss(m, X, Y)); // still usable
    }

    @Test
    void failedStepChangesNothing() {
        Module m = net();
        MetaSGD opt = new MetaSGD(m, MetaSGD.defaults().lr(0.1).momentum(0.9));
        List<OptState> before = opt.stateDict();
        Tensor w = m.parameter("2.bias").detach(); // a parameter that no longer requires grad
        m.setParameter("2.bias", w);
        Tensor w0 = m.parameter("0.weight");
        assertThatThrownBy(() -> opt.step(loss(m, X, Y))).isInstanceOf(IllegalStateException.class).hasMessageContaining("2.bias");
        assertThat(opt.stateDict()).isEqualTo(before);
        assertThat(m.parameter("0.weight")).isSameAs(w0);
    }

    @Test
    void stateDictRoundTripAndValidation() {
        Module m = net();
        MetaSGD opt = new MetaSGD(m, MetaSGD.defaults().lr(0.1).momentum(0.9));
        List<OptState> initial = opt.stateDict();
        opt.step(loss(m, X, Y));
        assertThat(opt.stateDict()).isNotEqualTo(initial);
        opt.loadStateDict(initial);
        assertThat(opt.stateDict().get(0)).isSameAs(initial.get(0));
        assertThatThrownBy(() -> opt.loadStateDict(List.of())).isInstanceOf(IllegalArgumentException.class);
        OptState adam = new MetaAdam(net(), MetaAdam.defaults()).stateDict().get(0);
        assertThatThrownBy(() -> opt.loadStateDict(List.of(adam))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("structure");
    }

    @Test
    void paramGroupsKeepTheirOwnState() {
        Module a = net();
        Module b = net();
        MetaSGD opt = new MetaSGD(a, MetaSGD.defaults().lr(0.1));
        opt.addParamGroup(b);
        opt.step(loss(a, X, Y).add(loss(b, XQ, YQ)));
        assertThat(opt.stateDict()).hasSize(2);
        assertThat(a.parameter("0.weight").isLeaf()).isFalse();
        assertThat(b.parameter("0.weight").isLeaf()).isFalse();
    }

    @Test
    void metaDefaultsFollowTorchOpt() {
        assertThat(MetaSGD.defaults().momentRequiresGrad()).isTrue();
        assertThat(MetaAdam.defaults().momentRequiresGrad()).isTrue();
        assertThat(MetaAdamW.defaults().momentRequiresGrad()).isFalse();
        assertThat(MetaAdaMax.defaults().momentRequiresGrad()).isTrue();
        assertThat(MetaAdaMax.defaults().eps()).isEqualTo(1e-8);
        assertThat(MetaAdaDelta.defaults().rho()).isEqualTo(0.9);
        assertThat(MetaRAdam.defaults().eps()).isEqualTo(1e-8);
        assertThat(MetaAdaGrad.defaults().eps()).isEqualTo(1e-10);
        assertThat(MetaRMSProp.defaults().alpha()).isEqualTo(0.99);
    }

    @Test
    void everyMetaOptimizerStepsDifferentiably() {
        List<java.util.function.Function<Module, MetaOptimizer>> all = List.of(
                m -> new MetaAdamW(m), m -> new MetaAdaMax(m), m -> new MetaAdaDelta(m), m -> new MetaAdaGrad(m),
                m -> new MetaRAdam(m), m -> new MetaRMSProp(m), m -> new MetaAdam(m, AdamOptions.defaults().epsRoot(1e-8)));
        for (var make : all) {
            Module m = net();
            Tensor w0 = m.parameter("0.weight");
            MetaOptimizer opt = make.apply(m);
            opt.step(loss(m, X, Y));
            opt.step(loss(m, X, Y));
            Tensor g = Autograd.gradOf(loss(m, XQ, YQ)).inputs(w0).compute()[0];
            assertThat(g.abs().sum().item()).as(opt.getClass().getSimpleName()).isGreaterThan(0.0);
        }
    }

    private static ScaleByAdamState adamState(OptState s) {
        for (OptState c : ((ChainState) s).states()) {
            if (c instanceof ScaleByAdamState a) {
                return a;
            }
        }
        throw new AssertionError("no adam state in " + s);
    }
}
