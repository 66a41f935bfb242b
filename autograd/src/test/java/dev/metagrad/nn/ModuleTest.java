package dev.metagrad.nn;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.testing.Nets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleTest {
    private static Nets.Net net() {
        return new Nets.Net(new Generator(7));
    }

    // ---------------------------------------------------------------------------------------------
    // Names and order

    @Test
    void namedParametersAreDottedInRegistrationOrderDepthFirst() {
        assertThat(net().namedParameters().keySet()).containsExactly("scale", "encoder.fc1.weight", "encoder.fc1.bias",
                "encoder.fc2.weight", "encoder.fc2.bias", "bn.weight", "bn.bias", "head.weight", "head.bias");
    }

    @Test
    void parametersFollowTheNamedOrder() {
        Nets.Net net = net();
        assertThat(net.parameters()).containsExactlyElementsOf(net.namedParameters().values());
    }

    @Test
    void namedBuffersIncludeNestedRunningStatistics() {
        Nets.Net net = net();
        assertThat(net.namedBuffers().keySet()).containsExactly("offset", "bn.running_mean", "bn.running_var",
                "bn.num_batches_tracked");
        assertThat(net.buffers()).containsExactlyElementsOf(net.namedBuffers().values());
    }

    @Test
    void sequentialChildrenAreNumbered() {
        Sequential seq = new Sequential(new Linear(1, 2, new Generator(1)), new ReLU(), new Linear(2, 1, new Generator(2)));
        assertThat(seq.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
    }

    @Test
    void namedModulesStartWithTheRootUnderTheEmptyName() {
        Nets.Net net = net();
        assertThat(net.namedModules().keySet()).containsExactly("", "encoder", "encoder.fc1", "encoder.fc2", "bn", "head");
        assertThat(net.namedModules().get("")).isSameAs(net);
        assertThat(net.namedChildren().keySet()).containsExactly("encoder", "bn", "head");
        assertThat(net.children()).containsExactlyElementsOf(net.namedChildren().values());
    }

    @Test
    void returnedMapsAreCopies() {
        Nets.Net net = net();
        net.namedParameters().clear();
        net.namedBuffers().clear();
        net.namedChildren().clear();
        assertThat(net.namedParameters()).hasSize(9);
        assertThat(net.namedBuffers()).hasSize(4);
        assertThat(net.children()).hasSize(3);
    }

    @Test
    void aSharedSubmoduleIsListedOnceUnderItsFirstName() {
        Nets.Tied tied = new Nets.Tied(new Generator(3));
        assertThat(tied.namedParameters().keySet()).containsExactly("first.weight", "first.bias");
        assertThat(tied.namedModules().keySet()).containsExactly("", "first");
        assertThat(tied.namedChildren().keySet()).containsExactly("first", "second");
    }

    @Test
    void lookupsByDottedName() {
        Nets.Net net = net();
        assertThat(net.submodule("encoder.fc2")).isInstanceOf(Linear.class);
        assertThat(net.submodule("")).isSameAs(net);
        assertThat(net.parameter("encoder.fc1.bias")).isSameAs(net.namedParameters().get("encoder.fc1.bias"));
        assertThat(net.buffer("bn.running_var").toDoubleArray()).containsExactly(1, 1);
    }

    @Test
    void lookupsNameWhatIsMissing() {
        Nets.Net net = net();
        assertThatThrownBy(() -> net.submodule("encoder.fc3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fc3'").hasMessageContaining("[fc1, fc2]");
        assertThatThrownBy(() -> net.parameter("encoder.fc1.wieght")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encoder.fc1.wieght").hasMessageContaining("encoder.fc1.weight");
        assertThatThrownBy(() -> net.parameter("bn.running_mean")).hasMessageContaining("is a buffer");
        assertThatThrownBy(() -> net.buffer("bn.weight")).hasMessageContaining("is a parameter");
    }

    // ---------------------------------------------------------------------------------------------
    // Registration

    @Test
    void registeredParametersRequireGrad() {
        Nets.Open m = new Nets.Open();
        Tensor w = m.parameter("w", Tensor.zeros(2));
        assertThat(w.requiresGrad()).isTrue();
        assertThat(m.parameter("w")).isSameAs(w);
    }

    @Test
    void registrationRejectsBadNamesAndValues() {
        Nets.Open m = new Nets.Open();
        m.parameter("w", Tensor.zeros(2));
        assertThatThrownBy(() -> m.buffer("w", Tensor.zeros(2), true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has").hasMessageContaining("'w'");
        assertThatThrownBy(() -> m.parameter("a.b", Tensor.zeros(2))).hasMessageContaining("no '.'");
        assertThatThrownBy(() -> m.parameter("", Tensor.zeros(2))).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> m.parameter("i", Tensor.ofLongs(new long[] {1}, 1))).hasMessageContaining("floating point");
        Tensor computed = Tensor.zeros(2).requiresGrad(true).mul(2.0);
        assertThatThrownBy(() -> m.parameter("c", computed)).hasMessageContaining("leaf").hasMessageContaining("setParameter");
        assertThatThrownBy(() -> m.module("self", m)).hasMessageContaining("itself");
        assertThatThrownBy(() -> m.buffer("b", null, true)).hasMessageContaining("null");
    }

    @Test
    void nonPersistentBuffersAreBuffersButNotState() {
        Nets.Open m = new Nets.Open();
        m.buffer("kept", Tensor.zeros(1), true);
        m.buffer("scratch", Tensor.zeros(1), false);
        assertThat(m.namedBuffers().keySet()).containsExactly("kept", "scratch");
        assertThat(m.stateDict().keySet()).containsExactly("kept");
    }

    // ---------------------------------------------------------------------------------------------
    // Modes and gradients

    @Test
    void trainAndEvalAreRecursive() {
        Nets.Net net = net();
        assertThat(net.namedModules().values()).allMatch(Module::isTraining);
        assertThat(net.eval()).isSameAs(net);
        assertThat(net.namedModules().values()).noneMatch(Module::isTraining);
        net.train();
        assertThat(net.namedModules().values()).allMatch(Module::isTraining);
        net.submodule("bn").train(false);
        assertThat(net.isTraining()).isTrue();
        assertThat(net.submodule("bn").isTraining()).isFalse();
    }

    @Test
    void zeroGradSetsGradsToNull() {
        Nets.Net net = net();
        net.eval().forward(Tensor.ones(3, 2)).sum().backward();
        assertThat(net.parameters()).allMatch(p -> p.grad() != null);
        net.zeroGrad();
        assertThat(net.parameters()).allMatch(p -> p.grad() == null);
    }

    @Test
    void requiresGradSwitchesEveryParameter() {
        Nets.Net net = net();
        net.requiresGrad(false);
        assertThat(net.parameters()).noneMatch(Tensor::requiresGrad);
        net.requiresGrad(true);
        assertThat(net.parameters()).allMatch(Tensor::requiresGrad);
    }

    @Test
    void requiresGradFalseRefusesComputedParametersAndChangesNothing() {
        Nets.Net net = net();
        Tensor w = net.parameter("head.weight");
        net.setParameter("head.weight", w.mul(2.0));
        assertThatThrownBy(() -> net.requiresGrad(false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[head.weight]");
        assertThat(net.parameters()).allMatch(Tensor::requiresGrad);
        net.requiresGrad(true); // a computed parameter already requires grad
    }

    // ---------------------------------------------------------------------------------------------
    // Replacing tensors

    @Test
    void setParameterStoresANonLeafTensorAsGiven() {
        Nets.Net net = net();
        Tensor w = net.parameter("encoder.fc1.weight");
        Tensor updated = w.sub(w.mul(0.1));
        net.setParameter("encoder.fc1.weight", updated);
        assertThat(net.parameter("encoder.fc1.weight")).isSameAs(updated);
        assertThat(net.namedParameters().get("encoder.fc1.weight").isLeaf()).isFalse();
    }

    @Test
    void setParameterChecksNameShapeAndDtype() {
        Nets.Net net = net();
        assertThatThrownBy(() -> net.setParameter("encoder.fc1.weight", Tensor.zeros(3, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'encoder.fc1.weight'")
                .hasMessageContaining("[3, 3]").hasMessageContaining("[3, 2]");
        assertThatThrownBy(() -> net.setParameter("scale", Tensor.zeros(DType.FLOAT32, 1)))
                .hasMessageContaining("dtype").hasMessageContaining("float32").hasMessageContaining("float64");
        assertThatThrownBy(() -> net.setParameter("nope", Tensor.zeros(1))).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> net.setParameter("offset", Tensor.zeros(2))).hasMessageContaining("is a buffer");
        assertThatThrownBy(() -> net.setParameter("scale", null)).hasMessageContaining("null");
    }

    @Test
    void setParameterOfATiedParameterReplacesItUnderEveryName() {
        Nets.Tied tied = new Nets.Tied(new Generator(5));
        Tensor replacement = Tensor.eye(2);
        tied.setParameter("second.weight", replacement);
        assertThat(tied.parameter("first.weight")).isSameAs(replacement);
        assertThat(tied.parameter("second.weight")).isSameAs(replacement);
    }

    @Test
    void setBufferReplacesABuffer() {
        Nets.Net net = net();
        net.setBuffer("bn.running_mean", Tensor.of(1, 2));
        assertThat(net.buffer("bn.running_mean").toDoubleArray()).containsExactly(1, 2);
        assertThatThrownBy(() -> net.setBuffer("bn.running_mean", Tensor.zeros(3))).hasMessageContaining("[3]");
        assertThatThrownBy(() -> net.setBuffer("bn.weight", Tensor.zeros(2))).hasMessageContaining("is a parameter");
    }

    @Test
    void toConvertsFloatingStateAndKeepsIntegerBuffers() {
        Nets.Net net = net();
        net.to(DType.FLOAT32);
        assertThat(net.parameters()).allMatch(p -> p.dtype() == DType.FLOAT32 && p.isLeaf() && p.requiresGrad());
        assertThat(net.buffer("bn.running_var").dtype()).isEqualTo(DType.FLOAT32);
        assertThat(net.buffer("bn.num_batches_tracked").dtype()).isEqualTo(DType.INT64);
        assertThat(net.forward(Tensor.ones(DType.FLOAT32, 3, 2)).dtype()).isEqualTo(DType.FLOAT32);
        assertThatThrownBy(() -> net.to(DType.INT64)).hasMessageContaining("floating point");
    }

    @Test
    void toTheCurrentTypeKeepsEveryTensor() {
        Nets.Net net = net();
        var before = net.stateDict();
        var params = net.parameters();
        net.to(DType.FLOAT64);
        assertThat(net.parameters()).containsExactlyElementsOf(params);
        net.stateDict().forEach((k, v) -> assertThat(v.storage()).as(k).isSameAs(before.get(k).storage()));
    }

    // ---------------------------------------------------------------------------------------------
    // Printing

    @Test
    void toStringPrintsTheTreeLikeTorch() {
        Sequential seq = new Sequential(new Linear(1, 2, new Generator(1)), new ReLU(),
                new Sequential(new Linear(2, 1, false, new Generator(2))));
        assertThat(seq.toString()).isEqualTo(String.join("\n",
                "Sequential(",
                "  (0): Linear(in_features=1, out_features=2, bias=True)",
                "  (1): ReLU()",
                "  (2): Sequential(",
                "    (0): Linear(in_features=2, out_features=1, bias=False)",
                "  )",
                ")"));
    }

    @Test
    void forwardRunsTheSubmodulesWithTheOwnTensors() {
        Nets.Net net = net();
        net.eval();
        Tensor x = Tensor.of(new double[] {0.5, -1, 2, 0.25}, 2, 2);
        Tensor h = net.submodule("encoder").forward(x).mul(1.5).add(Tensor.of(0.25, -0.5));
        Tensor expected = net.submodule("head").forward(net.submodule("bn").forward(h));
        Tensor y = net.forward(x);
        assertThat(y.shape()).containsExactly(2, 1);
        assertThat(y.requiresGrad()).isTrue();
        assertThat(y.toDoubleArray()).containsExactly(expected.toDoubleArray());
    }
}
