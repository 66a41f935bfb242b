package dev.metagrad.optim;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.BatchNorm1d;
import dev.metagrad.nn.Linear;
import dev.metagrad.nn.Module;
import dev.metagrad.nn.Sequential;
import dev.metagrad.optim.meta.MetaSGD;
import dev.metagrad.optim.meta.StateTensors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateDictsTest {
    private static final Tensor X = Tensor.of(new double[][] {{0.5, -1.0}, {1.5, 0.3}, {-0.7, 0.9}});

    private static Module net() {
        return new Sequential(new Linear(2, 3, new Generator(3)), new BatchNorm1d(3), new Linear(3, 1, new Generator(4)));
    }

    private static Tensor loss(Module m) {
        return m.forward(X).square().mean();
    }

    @Test
    void referenceRecoversTheOriginalLeavesAndState() {
        Module m = net();
        Map<String, Tensor> theta0 = m.namedParameters();
        MetaSGD opt = new MetaSGD(m, MetaSGD.defaults().lr(0.1).momentum(0.9));
        ModuleState net = StateDicts.extractStateDict(m, By.REFERENCE);
        List<OptState> state = StateDicts.extractStateDict(opt, By.REFERENCE);
        opt.step(loss(m));
        assertThat(m.parameter("0.weight")).isNotSameAs(theta0.get("0.weight"));
        StateDicts.recoverStateDict(m, net);
        StateDicts.recoverStateDict(opt, state);
        theta0.forEach((k, v) -> assertThat(m.parameter(k)).isSameAs(v));
        assertThat(opt.stateDict().get(0)).isSameAs(state.get(0));
        assertThat(net.buffers()).containsKey("1.running_mean");
    }

    @Test
    void copyIsDifferentiableAndDeepcopyIsCut() {
        Module m = net();
        Tensor w = m.parameter("0.weight");
        Tensor copied = StateDicts.extractStateDict(m, By.COPY).params().get("0.weight");
        assertThat(copied).isNotSameAs(w);
        assertThat(copied.isLeaf()).isFalse();
        assertThat(Autograd.gradOf(copied.sum()).inputs(w).compute()[0].toDoubleArray()).containsOnly(1.0);
        Tensor deep = StateDicts.extractStateDict(m, By.DEEPCOPY).params().get("0.weight");
        assertThat(deep.isLeaf()).isTrue();
        assertThat(deep.requiresGrad()).isTrue();
        assertThat(deep.toDoubleArray()).containsExactly(w.toDoubleArray());
    }

    @Test
    void buffersCanBeLeftOutOrDetached() {
        Module m = net();
        assertThat(StateDicts.extractStateDict(m, By.REFERENCE, false, false).buffers()).isEmpty();
        ModuleState s = StateDicts.extractStateDict(m, By.REFERENCE, true, true);
        assertThat(s.buffers().get("1.running_mean")).isNotSameAs(m.buffer("1.running_mean"));
        assertThat(StateDicts.extractStateDict(m, By.REFERENCE).buffers().get("1.running_mean")).isSameAs(m.buffer("1.running_mean"));
    }

    @Test
    void copiedOptimizerStateIsDetachedFromTheOriginal() {
        Module m = net();
        MetaSGD opt = new MetaSGD(m, MetaSGD.defaults().lr(0.1).momentum(0.9));
        opt.step(loss(m));
        for (Tensor t : StateTensors.leaves(StateDicts.extractStateDict(opt, By.DEEPCOPY))) {
            assertThat(t.isLeaf()).isTrue();
        }
    }

    @Test
    void recoverRejectsAForeignStateBeforeChangingAnything() {
        Module m = net();
        Tensor w = m.parameter("0.weight");
        ModuleState other = StateDicts.extractStateDict(new Linear(2, 3, new Generator(5)), By.REFERENCE);
        assertThatThrownBy(() -> StateDicts.recoverStateDict(m, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nothing was changed");
        assertThat(m.parameter("0.weight")).isSameAs(w);
    }
}
