package dev.metagrad.nn;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.io.Safetensors;
import dev.metagrad.nn.testing.Nets;
import dev.metagrad.tree.TreeMath;
import dev.metagrad.tree.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** {@link Module#stateDict()} and {@link Module#loadStateDict(Map, boolean)}. */
class ModuleStateDictTest {
    private static Nets.Net net(long seed) {
        return new Nets.Net(new Generator(seed));
    }

    /** Every value of the state dict, to compare a module before and after a call. */
    private static Map<String, double[]> values(Module m) {
        Map<String, double[]> out = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> out.put(k, v.toDoubleArray()));
        return out;
    }

    @Test
    void stateDictHoldsParametersThenBuffersOfEachModuleInTurn() {
        assertThat(net(1).stateDict().keySet()).containsExactly("scale", "offset",
                "encoder.fc1.weight", "encoder.fc1.bias", "encoder.fc2.weight", "encoder.fc2.bias",
                "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var", "bn.num_batches_tracked",
                "head.weight", "head.bias");
    }

    @Test
    void stateDictValuesAreDetachedAndShareTheData() {
        Nets.Net net = net(1);
        Tensor w = net.parameter("head.weight");
        Tensor saved = net.stateDict().get("head.weight");
        assertThat(saved).isNotSameAs(w);
        assertThat(saved.isLeaf()).isTrue();
        assertThat(saved.requiresGrad()).isFalse();
        assertThat(saved.storage()).isSameAs(w.storage());
    }

    @Test
    void stateDictListsTiedTensorsUnderEveryName() {
        Nets.Tied tied = new Nets.Tied(new Generator(2));
        assertThat(tied.stateDict().keySet()).containsExactly("first.weight", "first.bias", "second.weight", "second.bias");
    }

    @Test
    void roundTripCopiesEveryValueIntoAnotherModule() {
        Nets.Net source = net(1);
        source.forward(Tensor.randn(new Generator(9), 4, 2)); // moves the running statistics away from 0 and 1
        Nets.Net target = net(2);
        LoadResult result = target.loadStateDict(source.stateDict());
        assertThat(result.isExactMatch()).isTrue();
        assertThat(values(target)).containsExactlyEntriesOf(values(source));
        assertThat(target.buffer("bn.num_batches_tracked").toLongArray()).containsExactly(1);
        source.eval();
        target.eval();
        Tensor x = Tensor.randn(new Generator(10), 3, 2);
        assertThat(target.forward(x).toDoubleArray()).containsExactly(source.forward(x).toDoubleArray());
    }

    @Test
    void loadedParametersAreNewLeavesThatKeepRequiresGrad() {
        Nets.Net source = net(1);
        Nets.Net target = net(2);
        target.parameter("scale").requiresGrad(false);
        Tensor given = source.stateDict().get("head.weight");
        target.loadStateDict(source.stateDict());
        assertThat(target.parameters()).allMatch(Tensor::isLeaf);
        assertThat(target.parameter("scale").requiresGrad()).isFalse();
        assertThat(target.parameter("head.weight").requiresGrad()).isTrue();
        assertThat(target.parameter("head.weight")).isNotSameAs(given);
        assertThat(given.requiresGrad()).as("the caller's tensor is not marked").isFalse();
    }

    @Test
    void nonStrictLoadReportsMissingAndUnexpectedKeys() {
        Nets.Net target = net(2);
        Map<String, Tensor> state = net(1).stateDict();
        state.remove("head.bias");
        state.remove("offset");
        state.put("head.extra", Tensor.zeros(1));
        LoadResult result = target.loadStateDict(state, false);
        assertThat(result.missingKeys()).containsExactly("offset", "head.bias");
        assertThat(result.unexpectedKeys()).containsExactly("head.extra");
        assertThat(target.parameter("head.weight").toDoubleArray()).containsExactly(state.get("head.weight").toDoubleArray());
    }

    @Test
    void strictLoadRejectsAMissingKeyAndChangesNothing() {
        Nets.Net target = net(2);
        Map<String, double[]> before = values(target);
        Map<String, Tensor> state = net(1).stateDict();
        state.remove("encoder.fc2.bias");
        assertThatThrownBy(() -> target.loadStateDict(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing key(s) [encoder.fc2.bias]").hasMessageContaining("into Net:")
                .hasMessageContaining("Nothing was loaded");
        assertThat(values(target)).containsExactlyEntriesOf(before);
    }

    @Test
    void strictLoadRejectsAnUnexpectedKeyAndChangesNothing() {
        Nets.Net target = net(2);
        Map<String, double[]> before = values(target);
        Map<String, Tensor> state = net(1).stateDict();
        state.put("encoder.fc3.weight", Tensor.zeros(2, 2));
        assertThatThrownBy(() -> target.loadStateDict(state, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected key(s) [encoder.fc3.weight]");
        assertThat(values(target)).containsExactlyEntriesOf(before);
    }

    @Test
    void shapeMismatchNamesTheKeyAndBothShapesEvenWhenNotStrict() {
        Nets.Net target = net(2);
        Map<String, double[]> before = values(target);
        Map<String, Tensor> state = net(1).stateDict();
        state.put("encoder.fc1.weight", Tensor.zeros(4, 2));
        assertThatThrownBy(() -> target.loadStateDict(state, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape mismatch for 'encoder.fc1.weight'")
                .hasMessageContaining("the state dict has shape [4, 2], the module [3, 2]");
        assertThat(values(target)).containsExactlyEntriesOf(before);
    }

    @Test
    void dtypeMismatchAndNullValuesAreErrors() {
        Nets.Net target = net(2);
        Map<String, double[]> before = values(target);
        Map<String, Tensor> state = net(1).stateDict();
        state.put("bn.num_batches_tracked", Tensor.zeros(DType.FLOAT64));
        state.put("scale", null);
        assertThatThrownBy(() -> target.loadStateDict(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dtype mismatch for 'bn.num_batches_tracked': the state dict has dtype float64, "
                        + "the module int64")
                .hasMessageContaining("the value for 'scale' is null");
        assertThat(values(target)).containsExactlyEntriesOf(before);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Tensor> state = net(1).stateDict();
        state.remove("offset");
        state.put("bogus", Tensor.zeros(1));
        state.put("head.bias", Tensor.zeros(2));
        assertThatThrownBy(() -> net(2).loadStateDict(state)).hasMessageContaining("missing key(s) [offset]")
                .hasMessageContaining("unexpected key(s) [bogus]").hasMessageContaining("'head.bias'");
    }

    @Test
    void loadingATiedParameterKeepsItTied() {
        Nets.Tied tied = new Nets.Tied(new Generator(2));
        Map<String, Tensor> state = tied.stateDict();
        Tensor eye = Tensor.eye(2);
        state.put("first.weight", eye);
        state.put("second.weight", eye);
        tied.loadStateDict(state);
        assertThat(tied.parameter("first.weight")).isSameAs(tied.parameter("second.weight"));
        assertThat(tied.parameter("second.weight").toDoubleArray()).containsExactly(1, 0, 0, 1);
    }

    @Test
    void aStateDictSurvivesASafetensorsRoundTripIntoAFreshModule(@TempDir Path dir)
            throws IOException {
        Sequential trained = Mlp.builder().sizes(3, 5, 2).activation(Tanh::new).generator(new Generator(1)).build();
        Sequential fresh = Mlp.builder().sizes(3, 5, 2).activation(Tanh::new).generator(new Generator(2)).build();
        Path file = dir.resolve("mlp.safetensors");
        Safetensors.save(trained.stateDict(), file);
        LoadResult result = fresh.loadStateDict(Safetensors.load(file).tensors(), true);
        assertThat(result.missingKeys()).isEmpty();
        assertThat(result.unexpectedKeys()).isEmpty();
        Tensor x = Tensor.randn(new Generator(3), 4, 3);
        assertThat(fresh.forward(x).toDoubleArray()).containsExactly(trained.forward(x).toDoubleArray());
    }

    @Test
    void aModulesParametersAreATreeForTreeArithmetic() {
        Sequential model = Mlp.builder().sizes(2, 3, 1).activation(Tanh::new).generator(new Generator(4)).build();
        Map<String, Tensor> params = model.namedParameters();
        assertThat(Trees.namedLeaves(params).keySet())
                .containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        Map<String, Tensor> step = TreeMath.axpy(-0.5, params, params);
        assertThat(step.keySet()).containsExactlyElementsOf(params.keySet());
        assertThat(step.get("0.weight").toDoubleArray())
                .containsExactly(params.get("0.weight").mul(0.5).toDoubleArray());
        double squares = 0;
        for (Tensor t : params.values()) {
            squares += t.square().sum().item();
        }
        assertThat(TreeMath.vdot(params, params).item()).isCloseTo(squares,
                within(1e-12));
    }
}
