package dev.metagrad.optim.torch;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.io.Safetensors;
import dev.metagrad.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizerStateDictTest {
    @TempDir
    Path dir;

    /** State with every kind of value: tensors of two dtypes, a long, doubles incl. non-finite, nulls, lists. */
    private static OptimizerStateDict sample() {
        Map<String, Object> s0 = new LinkedHashMap<>();
        s0.put("step", Tensor.scalar(3.0));
        s0.put("exp_avg", Tensor.of(new double[] {0.1, -0.0, 1e-300}, 3));
        s0.put("n_iter", 5L);
        s0.put("t", 0.1 + 0.2);
        s0.put("weird", Double.NaN);
        s0.put("inf", Double.NEGATIVE_INFINITY);
        s0.put("old_dirs", List.of(Tensor.of(1.0, 2.0), Tensor.of(3.0, 4.0)));
        s0.put("al", Arrays.asList(null, Tensor.scalar(0.5)));
        s0.put("flag", true);
        s0.put("name", "x");
        Map<String, Object> s2 = Map.of("buf", Tensor.ofFloats(new float[] {1.5f, 2.5f}, 2));
        Map<Integer, Map<String, ?>> state = new LinkedHashMap<>();
        state.put(2, s2);
        state.put(0, s0);
        List<OptimizerStateDict.Group> groups = List.of(
                new OptimizerStateDict.Group(Options.of("lr", 0.1, "momentum", 0L, "betas", List.of(0.9, 0.999), "fn", null), List.of(0, 1)),
                new OptimizerStateDict.Group(Options.of("lr", 1e-3, "momentum", 2L, "betas", List.of(0.5, 0.9), "fn", "strong_wolfe"), List.of(2)));
        return new OptimizerStateDict(state, groups);
    }

    private static void assertSameBits(OptimizerStateDict a, OptimizerStateDict b) {
        assertThat(b.state().keySet()).containsExactlyElementsOf(a.state().keySet());
        for (Integer id : a.state().keySet()) {
            assertThat(b.state(id).keySet()).containsExactlyElementsOf(a.state(id).keySet());
            for (String k : a.state(id).keySet()) {
                assertSameValue(a.state(id).get(k), b.state(id).get(k));
            }
        }
        assertThat(b.paramGroups()).hasSize(a.paramGroups().size());
        for (int g = 0; g < a.paramGroups().size(); g++) {
            assertThat(b.paramGroups().get(g).options()).isEqualTo(a.paramGroups().get(g).options());
            assertThat(b.paramGroups().get(g).params()).isEqualTo(a.paramGroups().get(g).params());
        }
    }

    private static void assertSameValue(Object a, Object b) {
        if (a instanceof Tensor ta) {
            assertThat(b).isInstanceOf(Tensor.class);
            Tensor tb = (Tensor) b;
            assertThat(tb.dtype()).isEqualTo(ta.dtype());
            assertThat(tb.shape()).isEqualTo(ta.shape());
            assertThat(bits(tb)).isEqualTo(bits(ta));
        } else if (a instanceof List<?> la) {
            assertThat(b).isInstanceOf(List.class);
            assertThat((List<?>) b).hasSize(la.size());
            for (int i = 0; i < la.size(); i++) {
                assertSameValue(la.get(i), ((List<?>) b).get(i));
            }
        } else if (a instanceof Double d) {
            assertThat(b).isInstanceOf(Double.class);
            assertThat(Double.doubleToRawLongBits((Double) b)).isEqualTo(Double.doubleToRawLongBits(d));
        } else {
            assertThat(b).isEqualTo(a);
        }
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.to(DType.FLOAT64).toDoubleArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void stateIsSortedByIndexAndEmptyEntriesAreDropped() {
        OptimizerStateDict sd = new OptimizerStateDict(Map.of(3, Map.of(), 1, Map.of("a", 1)), List.of());
        assertThat(sd.state().keySet()).containsExactly(1);
        assertThat(sd.state(1).get("a")).isEqualTo(1L);
        assertThat(sd.state(3)).isEmpty();
        assertThat(sample().state().keySet()).containsExactly(0, 2);
    }

    @Test
    void valuesAreCopiedAndUnmodifiable() {
        Tensor t = Tensor.of(1.0).requiresGrad(true);
        Map<String, Object> s = new LinkedHashMap<>(Map.of("x", t));
        OptimizerStateDict sd = new OptimizerStateDict(Map.of(0, s), List.of());
        s.put("y", 1.0);
        assertThat(sd.state(0)).containsOnlyKeys("x");
        assertThat(sd.state(0).get("x")).isNotSameAs(t);
        assertThat(((Tensor) sd.state(0).get("x")).requiresGrad()).isFalse();
        assertThatThrownBy(() -> sd.state(0).put("z", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new OptimizerStateDict(Map.of(0, Map.of("x", new Object())), List.of()))
                .hasMessageContaining("state \"x\" has unsupported type java.lang.Object");
    }

    @Test
    void toMapHasTorchsLayoutAndFromMapReadsItBack() {
        OptimizerStateDict sd = sample();
        Map<String, Object> m = sd.toMap();
        assertThat(m.keySet()).containsExactly("state", "param_groups");
        assertThat(((Map<?, ?>) m.get("state")).keySet()).isEqualTo(java.util.Set.of(0, 2));
        @SuppressWarnings("unchecked")
        Map<String, Object> g1 = (Map<String, Object>) ((List<?>) m.get("param_groups")).get(1);
        assertThat(g1.keySet()).containsExactly("lr", "momentum", "betas", "fn", "params");
        assertThat(g1.get("params")).isEqualTo(List.of(2));
        assertSameBits(sd, OptimizerStateDict.fromMap(m));
    }

    @Test
    void fromMapAcceptsJsonConventions() {
        String json = "{\"state\": [{\"step\": {\"shape\": [], \"data\": [15.0]}, \"exp_avg\": {\"shape\": [2], \"data\": [1, 2]}}, {}],"
                + " \"param_groups\": [{\"lr\": 0.1, \"betas\": [0.9, 0.999], \"params\": [0, 1]}]}";
        OptimizerStateDict sd = OptimizerStateDict.fromMap(Json.parseObject(json));
        assertThat(((Tensor) sd.state(0).get("step")).item()).isEqualTo(15.0);
        assertThat(((Tensor) sd.state(0).get("exp_avg")).toDoubleArray()).containsExactly(1.0, 2.0);
        assertThat(sd.state(1)).isEmpty();
        assertThat(sd.paramGroups().get(0).params()).containsExactly(0, 1);
        OptimizerStateDict keyed = OptimizerStateDict.fromMap(Json.parseObject(
                "{\"state\": {\"1\": {\"n\": 3}}, \"param_groups\": [{\"params\": [0, 1]}]}"));
        assertThat(keyed.state(1).get("n")).isEqualTo(3.0);
        assertThatThrownBy(() -> OptimizerStateDict.fromMap(Map.of("state", Map.of())))
                .hasMessageContaining("needs keys \"state\" and \"param_groups\"");
        assertThatThrownBy(() -> OptimizerStateDict.fromMap(Json.parseObject("{\"state\": {\"a\": {}}, \"param_groups\": []}")))
                .hasMessageContaining("state key must be an integer index, got a");
        assertThatThrownBy(() -> OptimizerStateDict.fromMap(Json.parseObject("{\"state\": {}, \"param_groups\": [{\"lr\": 1}]}")))
                .hasMessageContaining("param_groups[0] needs a \"params\" list");
    }

    @Test
    void saveAndLoadRoundTripBitForBit() throws Exception {
        OptimizerStateDict sd = sample();
        Path file = dir.resolve("opt.safetensors");
        sd.save(file);
        assertSameBits(sd, OptimizerStateDict.load(file));
        // the file is a plain safetensors file: tensors by readable names, structure in the metadata
        var raw = Safetensors.load(file);
        assertThat(raw.tensors().keySet()).contains("state.0.step", "state.0.exp_avg", "state.0.old_dirs.1", "state.0.al.1", "state.2.buf");
        assertThat(raw.metadata().get("metagrad.optimizer_state")).startsWith("{\"format\":\"metagrad.optimizer_state/1\"");
    }

    @Test
    void loadRejectsFilesThatAreNotOptimizerStates() throws Exception {
        Path plain = dir.resolve("plain.safetensors");
        Safetensors.save(Map.of("w", Tensor.of(1.0)), plain);
        assertThatThrownBy(() -> OptimizerStateDict.load(plain)).hasMessageContaining("not an optimizer state file");

        Path extra = dir.resolve("extra.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>(Map.of("stray", Tensor.of(1.0)));
        Safetensors.save(tensors, Map.of("metagrad.optimizer_state",
                "{\"format\":\"metagrad.optimizer_state/1\",\"state\":{},\"param_groups\":[]}"), extra);
        assertThatThrownBy(() -> OptimizerStateDict.load(extra)).hasMessageContaining("tensor \"stray\" is not referenced");

        Path missing = dir.resolve("missing.safetensors");
        Safetensors.save(Map.of(), Map.of("metagrad.optimizer_state",
                "{\"format\":\"metagrad.optimizer_state/1\",\"state\":{\"0\":{\"m\":{\"tensor\":\"nope\"}}},\"param_groups\":[]}"), missing);
        assertThatThrownBy(() -> OptimizerStateDict.load(missing)).hasMessageContaining("tensor \"nope\" is missing");

        Path version = dir.resolve("version.safetensors");
        Safetensors.save(Map.of(), Map.of("metagrad.optimizer_state", "{\"format\":\"other/9\",\"state\":{},\"param_groups\":[]}"), version);
        assertThatThrownBy(() -> OptimizerStateDict.load(version)).hasMessageContaining("unknown format");
    }

    @Test
    void withersReplaceOnePart() {
        OptimizerStateDict sd = sample();
        OptimizerStateDict changed = sd.withState(1, Map.of("x", 2.0)).withGroupOptions(1, Options.of("lr", 5.0));
        assertThat(changed.state().keySet()).containsExactly(0, 1, 2);
        assertThat(changed.paramGroups().get(1).options()).isEqualTo(Options.of("lr", 5.0));
        assertThat(changed.paramGroups().get(1).params()).containsExactly(2);
        assertThat(sd.state().keySet()).containsExactly(0, 2);
    }
}
