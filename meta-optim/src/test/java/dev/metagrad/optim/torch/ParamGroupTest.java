package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamGroupTest {
    private final Tensor p = Tensor.of(1.0).requiresGrad(true);

    @Test
    void setChangesTheOptionUsedByTheNextStep() {
        SGD opt = new SGD(List.of(p), Options.of("lr", 0.1));
        ParamGroup g = opt.paramGroups().get(0);
        Options before = g.options();
        g.setLr(0.5);
        assertThat(g.lr()).isEqualTo(0.5);
        assertThat(before.getDouble("lr")).isEqualTo(0.1); // snapshots do not change
        p.sum().backward();
        opt.step();
        assertThat(opt.params().get(0).item()).isEqualTo(0.5);
    }

    @Test
    void newKeysMayBeAddedAsSchedulersDo() {
        ParamGroup g = new SGD(List.of(p), Options.empty()).paramGroups().get(0);
        g.set("initial_lr", 0.1);
        assertThat(g.has("initial_lr")).isTrue();
        assertThat(g.getDouble("initial_lr")).isEqualTo(0.1);
    }

    @Test
    void anInvalidValueIsRejectedAndLeavesTheGroupUnchanged() {
        ParamGroup g = new SGD(List.of(p), Options.of("lr", 0.1)).paramGroups().get(0);
        assertThatThrownBy(() -> g.setLr(-1.0)).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> g.set("nesterov", true)).hasMessage("Nesterov momentum requires a momentum and zero dampening");
        assertThatThrownBy(() -> g.set("params", List.of())).hasMessageContaining("\"params\" cannot be set");
        assertThat(g.lr()).isEqualTo(0.1);
        assertThat(g.get("nesterov")).isEqualTo(false);
    }

    @Test
    void setFromSchedulerAssignsWithoutRangeChecksAsTorchsSchedulersDo() {
        SGD opt = new SGD(List.of(p), Options.of("lr", 0.1));
        ParamGroup g = opt.paramGroups().get(0);
        g.setFromScheduler("lr", -0.25);
        assertThat(g.lr()).isEqualTo(-0.25);
        // torch's SGD steps with it: p = 1 - (-0.25)·1
        p.sum().backward();
        opt.step();
        assertThat(opt.params().get(0).item()).isEqualTo(1.25);
    }

    @Test
    void setFromSchedulerStillRejectsParamsAndUnsupportedTypes() {
        ParamGroup g = new SGD(List.of(p), Options.of("lr", 0.1)).paramGroups().get(0);
        assertThatThrownBy(() -> g.setFromScheduler("params", List.of())).hasMessageContaining("\"params\" cannot be set");
        assertThatThrownBy(() -> g.setFromScheduler("lr", new Object())).hasMessageContaining("unsupported value type");
        assertThat(g.lr()).isEqualTo(0.1);
    }

    @Test
    void paramsAreTheCurrentTensors() {
        SGD opt = new SGD(List.of(p), Options.of("lr", 0.1));
        ParamGroup g = opt.paramGroups().get(0);
        assertThat(g.params()).containsExactly(p);
        assertThat(g.size()).isEqualTo(1);
        p.sum().backward();
        opt.step();
        assertThat(g.params().get(0)).isNotSameAs(p);
        assertThat(g.params().get(0).item()).isEqualTo(0.9);
    }
}
