package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Linear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizerStubTest {
    @TempDir
    Path dir;

    @Test
    void stepLeavesParametersAloneRunsTheClosureAndTheHooks() {
        Tensor p = Tensor.of(1.0, 2.0).requiresGrad(true);
        OptimizerStub stub = new OptimizerStub(List.of(p), Options.of("lr", 0.1));
        List<String> calls = new ArrayList<>();
        stub.registerStepPreHook((o, a) -> {
            calls.add("pre");
            return null;
        });
        stub.registerStepPostHook((o, a) -> calls.add("post"));
        p.square().sum().backward();
        assertThat(stub.step()).isNull();
        Tensor loss = stub.step(() -> {
            calls.add("closure");
            return Tensor.scalar(3.0);
        });
        assertThat(loss.item()).isEqualTo(3.0);
        assertThat(stub.params().get(0)).isSameAs(p);
        assertThat(p.toDoubleArray()).containsExactly(1.0, 2.0);
        assertThat(stub.state(0)).isEmpty();
        assertThat(calls).containsExactly("pre", "post", "pre", "closure", "post");
        assertThat(stub.requiresClosure()).isFalse();
    }

    @Test
    void aTrainerUpdatesWeightsAndKeepsItsStateInTheStub() {
        Linear lin = new Linear(2, 1, new Generator(0));
        OptimizerStub stub = new OptimizerStub(lin, Options.of("lr", 0.5));
        Tensor noise = Tensor.of(new double[] {0.1, -0.2}, 1, 2);
        stub.setParameter(0, lin.parameter("weight").add(noise));
        stub.putState(0, Map.of("sigma", 0.1, "noise", noise, "generation", 3));
        assertThat(stub.params().get(0)).isSameAs(lin.parameter("weight"));
        assertThat(stub.state(0).get("generation")).isEqualTo(3L);
        assertThatThrownBy(() -> stub.setParameter(0, Tensor.of(1.0))).hasMessageContaining("has shape [1]");
        assertThatThrownBy(() -> stub.putState(9, Map.of())).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void stateDictsRoundTripThroughMemoryAndDisk() throws Exception {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Tensor b = Tensor.of(2.0, 3.0).requiresGrad(true);
        OptimizerStub stub = new OptimizerStub(List.of(GroupSpec.of(List.of(a)), GroupSpec.of(List.of(b), Options.of("lr", 0.01))),
                Options.of("lr", 0.1, "sigma", 0.5));
        stub.putState(1, Map.of("mean", Tensor.of(0.5, 0.5), "count", 4L));
        stub.paramGroups().get(0).set("initial_lr", 0.1);
        Path file = dir.resolve("stub.safetensors");
        stub.save(file);

        OptimizerStub fresh = new OptimizerStub(List.of(GroupSpec.of(List.of(Tensor.of(0.0).requiresGrad(true))),
                GroupSpec.of(List.of(Tensor.of(0.0, 0.0).requiresGrad(true)))), Options.of("lr", 1.0, "sigma", 1.0));
        fresh.load(file);
        assertThat(fresh.paramGroups().get(1).lr()).isEqualTo(0.01);
        assertThat(fresh.paramGroups().get(0).getDouble("initial_lr")).isEqualTo(0.1);
        assertThat(fresh.paramGroups().get(0).getDouble("sigma")).isEqualTo(0.5);
        assertThat(((Tensor) fresh.state(1).get("mean")).toDoubleArray()).containsExactly(0.5, 0.5);
        assertThat(fresh.state(1).get("count")).isEqualTo(4L);

        OptimizerStub other = new OptimizerStub(List.of(GroupSpec.of(List.of(Tensor.of(0.0).requiresGrad(true)))), Options.of("lr", 1.0));
        other.loadStateDict(new OptimizerStateDict(Map.of(), List.of(new OptimizerStateDict.Group(Options.of("lr", 0.2), List.of(0)))));
        assertThat(other.paramGroups().get(0).lr()).isEqualTo(0.2);
        assertThatThrownBy(() -> other.loadStateDict(stub.stateDict())).hasMessageContaining("2 param group(s)");
    }

    @Test
    void optionsAreTheTrainersOwnButLrMustBeValid() {
        Tensor p = Tensor.of(1.0).requiresGrad(true);
        assertThatThrownBy(() -> new OptimizerStub(List.of(p), Options.of("lr", -1.0))).hasMessage("Invalid learning rate: -1.0");
        OptimizerStub stub = new OptimizerStub(List.of(p));
        assertThat(stub.defaults().keys()).isEmpty();
        assertThatThrownBy(() -> stub.addParamGroup(GroupSpec.of(List.of(Tensor.of(2.0).requiresGrad(true)), Options.of("lr", 0.1))))
                .hasMessageContaining("unknown option \"lr\"");
    }
}
