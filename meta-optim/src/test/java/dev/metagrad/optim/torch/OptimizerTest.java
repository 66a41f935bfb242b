package dev.metagrad.optim.torch;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Linear;
import dev.metagrad.nn.Sequential;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizerTest {
    /** SGD with an extra switch: throws when it meets a parameter whose first value is 13. */
    private static final class ThirteenFails implements Algorithm {
        private final SgdAlgorithm sgd = new SgdAlgorithm();

        @Override
        public String name() {
            return "ThirteenFails";
        }

        @Override
        public Options defaults() {
            return sgd.defaults();
        }

        @Override
        public void validate(Options group) {
            sgd.validate(group);
        }

        @Override
        public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
            if (p.toDoubleArray()[0] == 13.0) {
                throw new IllegalStateException("thirteen");
            }
            return sgd.step(p, g, state, group);
        }
    }

    /** An optimizer that needs a closure and reports the grad mode its closure ran in. */
    private static final class NeedsClosure extends Optimizer {
        NeedsClosure(List<Tensor> params) {
            super(params, Options.of("lr", 1.0));
        }

        @Override
        protected Tensor performStep(Supplier<Tensor> closure) {
            return evaluateClosure(closure);
        }

        @Override
        public boolean requiresClosure() {
            return true;
        }
    }

    private static Tensor leaf(double... v) {
        return Tensor.of(v).requiresGrad(true);
    }

    @Test
    void groupsResolveOptionsFromDefaultsAndOverrides() {
        Tensor a = leaf(1.0);
        Tensor b = leaf(2.0);
        SGD opt = new SGD(List.of(GroupSpec.of(List.of(a)), GroupSpec.of(List.of(b), Options.of("lr", 0.01, "nesterov", true))),
                Options.of("lr", 0.1, "momentum", 0.9));
        assertThat(opt.defaults().get("lr")).isEqualTo(0.1);
        assertThat(opt.paramGroups()).hasSize(2);
        assertThat(opt.paramGroups().get(0).lr()).isEqualTo(0.1);
        assertThat(opt.paramGroups().get(1).lr()).isEqualTo(0.01);
        assertThat(opt.paramGroups().get(1).getDouble("momentum")).isEqualTo(0.9);
        assertThat(opt.paramGroups().get(1).get("nesterov")).isEqualTo(true);
        assertThat(opt.paramGroups().get(0).get("nesterov")).isEqualTo(false);
    }

    @Test
    void anUnknownGroupOptionListsTheValidOnes() {
        Tensor a = leaf(1.0);
        assertThatThrownBy(() -> new SGD(List.of(GroupSpec.of(List.of(a), Options.of("betas", List.of(0.9, 0.9)))), Options.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SGD.addParamGroup: unknown option \"betas\"; valid options are [lr, momentum, dampening, weight_decay, "
                        + "nesterov, maximize, foreach, differentiable, fused]");
    }

    @Test
    void aGroupOverrideIsValidated() {
        Tensor a = leaf(1.0);
        assertThatThrownBy(() -> new SGD(List.of(GroupSpec.of(List.of(a), Options.of("lr", -0.5))), Options.empty()))
                .hasMessage("Invalid learning rate: -0.5");
    }

    @Test
    void duplicateParametersAreRejected() {
        Tensor a = leaf(1.0);
        Tensor b = leaf(2.0);
        assertThatThrownBy(() -> new SGD(List.of(a, a), Options.empty()))
                .hasMessageContaining("the group holds the same parameter twice");
        SGD opt = new SGD(List.of(a), Options.empty());
        assertThatThrownBy(() -> opt.addParamGroup(GroupSpec.of(List.of(b, a))))
                .hasMessageContaining("some parameters appear in more than one parameter group");
        assertThat(opt.paramGroups()).hasSize(1);

        Sequential model = new Sequential(new Linear(2, 2, new Generator(0)), new Linear(2, 1, new Generator(1)));
        SGD byModule = new SGD(List.of(GroupSpec.of(model.submodule("0"))), Options.empty());
        assertThatThrownBy(() -> byModule.addParamGroup(GroupSpec.of(model)))
                .hasMessageContaining("some parameters appear in more than one parameter group (0.weight)");
        byModule.addParamGroup(GroupSpec.of(model.submodule("1"), Options.of("lr", 0.5)));
        assertThat(byModule.paramCount()).isEqualTo(4);
    }

    @Test
    void badParameterListsAreRejected() {
        assertThatThrownBy(() -> new SGD(List.<Tensor>of(), Options.empty())).hasMessageContaining("optimizer got an empty parameter list");
        assertThatThrownBy(() -> new SGD(List.<GroupSpec>of(), Options.empty())).hasMessageContaining("empty parameter list");
        Tensor nonLeaf = leaf(1.0).mul(2.0);
        assertThatThrownBy(() -> new SGD(List.of(nonLeaf), Options.empty())).hasMessageContaining("can't optimize a non-leaf Tensor");
        Tensor ints = Tensor.ofLongs(new long[] {1}, 1);
        assertThatThrownBy(() -> new SGD(List.of(ints), Options.empty())).hasMessageContaining("floating-point");
    }

    @Test
    void zeroGradSetsToNoneByDefaultOrToZeros() {
        Tensor a = leaf(1.0, 2.0);
        Tensor b = leaf(3.0);
        SGD opt = new SGD(List.of(a, b), Options.empty());
        a.square().sum().backward();
        opt.zeroGrad(false);
        assertThat(a.grad().toDoubleArray()).containsExactly(0.0, 0.0);
        assertThat(b.grad()).isNull(); // had none, keeps none
        opt.zeroGrad();
        assertThat(a.grad()).isNull();
    }

    @Test
    void aParameterWithoutGradientIsSkipped() {
        Tensor a = leaf(1.0);
        Tensor b = leaf(2.0);
        SGD opt = new SGD(List.of(a, b), Options.of("lr", 0.5, "momentum", 0.9));
        a.square().sum().backward();
        opt.step();
        assertThat(opt.params().get(0).item()).isEqualTo(0.0);
        assertThat(opt.params().get(1)).isSameAs(b);
        assertThat(opt.state(1)).isEmpty();
        assertThat(opt.state(0)).containsKey("momentum_buffer");
    }

    @Test
    void aFailingStepChangesNothing() {
        Tensor a = leaf(1.0);
        Tensor b = leaf(13.0);
        AlgorithmOptimizer opt = new AlgorithmOptimizer(new ThirteenFails(), List.of(a, b), Options.of("lr", 0.1, "momentum", 0.9));
        a.add(b).square().sum().backward();
        assertThatThrownBy(opt::step).hasMessage("thirteen");
        assertThat(opt.params().get(0)).isSameAs(a);
        assertThat(opt.params().get(1)).isSameAs(b);
        assertThat(opt.state(0)).isEmpty();
    }

    @Test
    void closureRunsWithGradEnabledAndItsLossIsReturned() {
        Tensor a = leaf(3.0);
        SGD opt = new SGD(List.of(a), Options.of("lr", 0.25));
        boolean[] enabled = new boolean[1];
        Tensor loss;
        try (GradMode.Scope off = GradMode.noGrad()) {
            loss = opt.step(() -> {
                enabled[0] = GradMode.isEnabled();
                opt.zeroGrad();
                Tensor l = opt.params().get(0).square().sum();
                l.backward();
                return l;
            });
        }
        assertThat(enabled[0]).isTrue();
        assertThat(loss.item()).isEqualTo(9.0);
        assertThat(opt.params().get(0).item()).isEqualTo(3.0 - 0.25 * 6.0);
    }

    @Test
    void anOptimizerThatRequiresAClosureSaysSo() {
        NeedsClosure opt = new NeedsClosure(List.of(leaf(1.0)));
        assertThat(opt.requiresClosure()).isTrue();
        assertThatThrownBy(opt::step).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NeedsClosure.step")
                .hasMessageContaining("needs a closure");
        assertThat(opt.step(() -> Tensor.scalar(2.0)).item()).isEqualTo(2.0);
    }

    @Test
    void stateIsLookedUpByCurrentTensor() {
        Tensor a = leaf(1.0);
        SGD opt = new SGD(List.of(a), Options.of("momentum", 0.5));
        a.square().sum().backward();
        opt.step();
        assertThat(opt.state(opt.params().get(0))).containsKey("momentum_buffer");
        assertThatThrownBy(() -> opt.state(a)).hasMessageContaining("not a current parameter");
        assertThatThrownBy(() -> opt.state(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void addedGroupsTakePartInSteps() {
        Tensor a = leaf(1.0);
        Tensor b = leaf(2.0);
        SGD opt = new SGD(List.of(a), Options.of("lr", 0.1));
        opt.addParamGroup(GroupSpec.of(List.of(b), Options.of("lr", 0.5)));
        a.add(b).sum().backward();
        opt.step();
        assertThat(opt.params()).extracting(Tensor::item).containsExactly(1.0 - 0.1, 2.0 - 0.5);
    }

    @Test
    void toStringListsGroups() {
        SGD opt = new SGD(List.of(leaf(1.0)), Options.of("lr", 0.1));
        assertThat(opt.toString()).startsWith("SGD (\nParameter Group 0\n    lr: 0.1\n    momentum: 0");
    }

    // ------------------------------------------------------------------------------------------------
    // loadStateDict

    /** Adam over [2] and [3] in two groups, one step taken. */
    private static Adam steppedAdam() {
        Tensor a = leaf(1.0, 2.0);
        Tensor b = leaf(3.0, 4.0, 5.0);
        Adam opt = new Adam(List.of(GroupSpec.of(List.of(a)), GroupSpec.of(List.of(b), Options.of("lr", 0.5))), Options.of("lr", 0.1));
        a.square().sum().add(b.square().sum()).backward();
        opt.step();
        return opt;
    }

    @Test
    void stateDictHasTorchsLayout() {
        Adam opt = steppedAdam();
        OptimizerStateDict sd = opt.stateDict();
        assertThat(sd.state().keySet()).containsExactly(0, 1);
        assertThat(sd.state(0).keySet()).containsExactly("step", "exp_avg", "exp_avg_sq");
        assertThat(sd.paramGroups()).hasSize(2);
        assertThat(sd.paramGroups().get(1).params()).containsExactly(1);
        assertThat(sd.paramGroups().get(1).options().get("lr")).isEqualTo(0.5);
        assertThat(sd.paramGroups().get(1).options()).isEqualTo(opt.paramGroups().get(1).options());
    }

    @Test
    void loadingReplacesOptionsAndStateButKeepsParameters() {
        Adam source = steppedAdam();
        source.paramGroups().get(0).set("initial_lr", 0.1); // scheduler keys travel with the state dict
        Adam target = new Adam(List.of(GroupSpec.of(List.of(leaf(0.0, 0.0))), GroupSpec.of(List.of(leaf(0.0, 0.0, 0.0)))),
                Options.of("lr", 0.3));
        List<Tensor> params = target.params();
        target.loadStateDict(source.stateDict());
        assertThat(target.params()).isEqualTo(params);
        assertThat(target.paramGroups().get(1).lr()).isEqualTo(0.5);
        assertThat(target.paramGroups().get(0).getDouble("initial_lr")).isEqualTo(0.1);
        assertThat(((Tensor) target.state(1).get("exp_avg")).toDoubleArray())
                .containsExactly(((Tensor) source.state(1).get("exp_avg")).toDoubleArray());
    }

    @Test
    void aNegativeLrLeftByASchedulerLoads() {
        // LinearLR(end_factor=0) ends at lr = -5.551115123125785e-19 in torch, which saves and loads it unchecked
        Adam source = steppedAdam();
        source.paramGroups().get(1).setFromScheduler("lr", -5.551115123125785E-19);
        Adam target = new Adam(List.of(GroupSpec.of(List.of(leaf(0.0, 0.0))), GroupSpec.of(List.of(leaf(0.0, 0.0, 0.0)))),
                Options.of("lr", 0.3));
        target.loadStateDict(source.stateDict());
        assertThat(target.paramGroups().get(1).lr()).isEqualTo(-5.551115123125785E-19);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> badStateDicts() {
        OptimizerStateDict good = steppedAdam().stateDict();
        Options g0 = good.paramGroups().get(0).options();
        Map<String, Object> s0 = good.state(0);
        Map<String, Object> wrongShape = new java.util.LinkedHashMap<>(s0);
        wrongShape.put("exp_avg", Tensor.of(1.0, 2.0, 3.0));
        Map<String, Object> missingKey = new java.util.LinkedHashMap<>(s0);
        missingKey.remove("exp_avg_sq");
        Map<String, Object> floatState = new java.util.LinkedHashMap<>(s0);
        floatState.put("exp_avg", Tensor.ofFloats(new float[] {1f, 2f}, 2));
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("group count",
                        new OptimizerStateDict(good.state(), good.paramGroups().subList(0, 1)),
                        "the state dict has 1 param group(s), this optimizer has 2; nothing was loaded"),
                org.junit.jupiter.params.provider.Arguments.of("params per group",
                        new OptimizerStateDict(Map.of(), List.of(new OptimizerStateDict.Group(g0, List.of(0, 2)), good.paramGroups().get(1))),
                        "param group 0 has 2 parameter(s) in the state dict but 1 in this optimizer"),
                org.junit.jupiter.params.provider.Arguments.of("repeated id",
                        new OptimizerStateDict(Map.of(), List.of(good.paramGroups().get(0), new OptimizerStateDict.Group(g0, List.of(0)))),
                        "parameter id 0 appears more than once"),
                org.junit.jupiter.params.provider.Arguments.of("missing option",
                        good.withGroupOptions(0, g0.without("eps")), "param group 0 lacks option(s) [eps]"),
                org.junit.jupiter.params.provider.Arguments.of("invalid option",
                        good.withGroupOptions(0, g0.with("eps", -1.0)), "param group 0: Invalid epsilon value: -1.0; nothing was loaded"),
                org.junit.jupiter.params.provider.Arguments.of("unknown id", good.withState(7, s0), "state for parameter id 7, which is in no param group"),
                org.junit.jupiter.params.provider.Arguments.of("state shape", good.withState(0, wrongShape),
                        "state of parameter id 0: Adam: state \"exp_avg\" has shape [3] float64 but the parameter is [2] float64"),
                org.junit.jupiter.params.provider.Arguments.of("state dtype", good.withState(0, floatState), "[2] float32 but the parameter is [2] float64"),
                org.junit.jupiter.params.provider.Arguments.of("state key", good.withState(0, missingKey), "state lacks tensor \"exp_avg_sq\""));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("badStateDicts")
    void anInvalidStateDictIsRejectedAndNothingChanges(String name, OptimizerStateDict bad, String message) {
        Adam opt = steppedAdam();
        OptimizerStateDict before = opt.stateDict();
        assertThatThrownBy(() -> opt.loadStateDict(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        OptimizerStateDict after = opt.stateDict();
        assertThat(after.paramGroups()).isEqualTo(before.paramGroups());
        assertThat(after.state().keySet()).isEqualTo(before.state().keySet());
        for (Integer id : before.state().keySet()) {
            for (String k : before.state(id).keySet()) {
                assertThat(((Tensor) after.state(id).get(k)).toDoubleArray()).containsExactly(((Tensor) before.state(id).get(k)).toDoubleArray());
            }
        }
    }
}
