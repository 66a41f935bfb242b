package dev.metagrad.tree;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreesTest {
    /** An optimizer-state-like record: a tensor, a nested map and an optional (null) subtree. */
    record State(Tensor step, Map<String, Tensor> mu, List<Tensor> extra) {
    }

    private static Tensor t(double... v) {
        return Tensor.of(v);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static List<Object> listOf(Object... items) {
        return new ArrayList<>(Arrays.asList(items)); // List.of refuses the null subtrees
    }

    private static Object nested() {
        Map<String, Tensor> mu = new LinkedHashMap<>();
        mu.put("w", t(5));
        mu.put("b", t(6));
        return ordered(
                "z", t(1),
                "a", listOf(t(2), null, listOf(t(3), t(4))),
                "state", new State(Tensor.scalar(7), mu, null));
    }

    private static double[] values(List<Tensor> leaves) {
        return leaves.stream().mapToDouble(x -> x.toDoubleArray()[0]).toArray();
    }

    @Test
    void flattenTakesLeavesDepthFirstInMapAndComponentOrder() {
        Flattened f = Trees.flatten(nested());
        assertThat(values(f.leaves())).containsExactly(1, 2, 3, 4, 7, 5, 6);
        assertThat(f.def().leafCount()).isEqualTo(7);
        assertThat(f.def()).hasToString("{z: *, a: [*, null, [*, *]], state: State[step=*, mu={w: *, b: *}, extra=null]}");
        assertThat(values(Trees.leaves(nested()))).containsExactly(1, 2, 3, 4, 7, 5, 6);
    }

    @Test
    void unflattenRoundTripsNestedListsMapsRecordsAndNulls() {
        Object tree = nested();
        Flattened f = Trees.flatten(tree);
        Object back = f.def().unflatten(f.leaves());
        assertThat(back).isEqualTo(tree); // List/Map equality is by content, records by components
        assertThat(Trees.structure(back)).isEqualTo(f.def());
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) back;
        assertThat(map.keySet()).containsExactly("z", "a", "state");
        assertThat(map.get("state")).isInstanceOf(State.class);
        assertThat(((State) map.get("state")).mu().keySet()).containsExactly("w", "b");
        assertThat(((List<?>) map.get("a")).get(1)).isNull();
        assertThat(f.<Object>unflatten()).isEqualTo(tree);
    }

    @Test
    void rebuiltContainersAreUnmodifiable() {
        Map<String, Tensor> back = Trees.map(Map.of("w", t(1)), x -> x);
        assertThatThrownBy(() -> back.put("b", t(2))).isInstanceOf(UnsupportedOperationException.class);
        List<Tensor> list = Trees.map(List.of(t(1)), x -> x);
        assertThatThrownBy(() -> list.add(t(2))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void singleTensorsNullsAndEmptyContainersAreTrees() {
        Tensor x = t(1, 2);
        assertThat(Trees.flatten(x).leaves()).containsExactly(x);
        assertThat(Trees.structure(x).isLeaf()).isTrue();
        assertThat(Trees.structure(x)).hasToString("*");
        Tensor y = Trees.map(x, v -> v.mul(2.0));
        assertThat(y.toDoubleArray()).containsExactly(2, 4);

        assertThat(Trees.leaves(null)).isEmpty();
        assertThat(Trees.structure(null)).hasToString("null");
        assertThat((Object) Trees.structure(null).unflatten(List.of())).isNull();
        assertThat(Trees.structure(List.of())).hasToString("[]");
        assertThat(Trees.structure(Map.of())).hasToString("{}");
        assertThat(Trees.structure(List.of())).isNotEqualTo(Trees.structure(Map.of()));
    }

    @Test
    void aStateDictIsATreeAndNamesItsLeavesByItsOwnKeys() {
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("encoder.fc1.weight", Tensor.ones(2, 3));
        params.put("encoder.fc1.bias", Tensor.zeros(2));
        params.put("head.weight", Tensor.ones(1, 2));
        Flattened f = Trees.flatten(params);
        assertThat(f.leaves()).containsExactlyElementsOf(params.values());
        assertThat(f.def()).hasToString("{encoder.fc1.weight: *, encoder.fc1.bias: *, head.weight: *}");
        Map<String, Tensor> halved = Trees.map(params, p -> p.mul(0.5));
        assertThat(halved.keySet()).containsExactlyElementsOf(params.keySet());
        assertThat(halved.get("encoder.fc1.weight").toDoubleArray()).containsOnly(0.5);
        assertThat(Trees.namedLeaves(params)).isEqualTo(params);
        assertThat(Trees.structure(halved)).isEqualTo(Trees.structure(params));
    }

    @Test
    void structureEqualityFollowsKindsKeysOrderAndRecordClass() {
        assertThat(Trees.structure(ordered("a", t(1), "b", listOf(t(2), t(3)))))
                .isEqualTo(Trees.structure(ordered("a", t(9, 9), "b", List.of(t(8), t(7, 7)))))
                .hasSameHashCodeAs(Trees.structure(ordered("a", t(9, 9), "b", List.of(t(8), t(7, 7)))));
        assertThat(Trees.structure(ordered("a", t(1), "b", t(2)))).isNotEqualTo(Trees.structure(ordered("b", t(2), "a", t(1))));
        assertThat(Trees.structure(ordered("a", t(1)))).isNotEqualTo(Trees.structure(ordered("b", t(1))));
        assertThat(Trees.structure(List.of(t(1)))).isNotEqualTo(Trees.structure(List.of(List.of(t(1)))));
        assertThat(Trees.structure(listOf(t(1), null))).isNotEqualTo(Trees.structure(List.of(t(1), t(2))));
        // a TreeMap is a map like any other: its (sorted) iteration order is its key order
        Map<String, Tensor> sorted = new TreeMap<>(Map.of("b", t(2), "a", t(1)));
        assertThat(Trees.structure(sorted)).isEqualTo(Trees.structure(ordered("a", t(0), "b", t(0))));
    }

    @Test
    void recordsOfDifferentClassesDiffer() {
        record Other(Tensor step, Map<String, Tensor> mu, List<Tensor> extra) {
        }
        State s = new State(t(1), Map.of(), null);
        Other o = new Other(t(1), Map.of(), null);
        assertThat(Trees.structure(s)).isNotEqualTo(Trees.structure(o));
        assertThat(Trees.structure(s)).hasToString("State[step=*, mu={}, extra=null]");
    }

    @Test
    void unflattenChecksTheLeafCount() {
        TreeDef def = Trees.structure(ordered("a", t(1), "b", List.of(t(2), t(3))));
        assertThatThrownBy(() -> def.unflatten(List.of(t(1), t(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unflatten: structure {a: *, b: [*, *]} has 3 leaves, got 2");
        assertThatThrownBy(() -> def.unflatten(listOf(t(1), null, t(3)).stream().map(Tensor.class::cast).toList()))
                .hasMessageContaining("leaf 1 is null");
        assertThatThrownBy(() -> new Flattened(List.of(t(1)), def)).hasMessageContaining("has 3 leaves, got 1");
    }

    @Test
    void unsupportedNodesAreNamedByTheirPath() {
        assertThatThrownBy(() -> Trees.flatten(ordered("opt", ordered("lr", 0.1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("flatten: unsupported tree node java.lang.Double at ['opt']['lr']");
        assertThatThrownBy(() -> Trees.leaves(List.of(t(1), new Tensor[] {t(2)})))
                .hasMessageContaining("at [1]");
        Map<Object, Tensor> intKeys = new LinkedHashMap<>();
        intKeys.put(1, t(1));
        assertThatThrownBy(() -> Trees.structure(List.of(intKeys)))
                .hasMessageContaining("map at [0] has a key of type java.lang.Integer");
    }

    @Test
    void map2CombinesLeafByLeaf() {
        Object a = nested();
        Object b = Trees.map(nested(), x -> x.mul(10.0));
        Object sum = Trees.map2(a, b, Tensor::add);
        assertThat(values(Trees.leaves(sum))).containsExactly(11, 22, 33, 44, 77, 55, 66);
        assertThat(Trees.structure(sum)).isEqualTo(Trees.structure(a));
    }

    @Test
    void map2NamesTheFirstMismatchByItsPath() {
        Map<String, Object> a = ordered("layer0", ordered("weight", t(1)), "layer1", ordered("weight", t(1), "bias", t(2)));
        Map<String, Object> b = ordered("layer0", ordered("weight", t(1)),
                "layer1", ordered("weight", t(1), "bias", List.of(t(2), t(3))));
        assertThatThrownBy(() -> Trees.map2(a, b, Tensor::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("map2: structures differ at ['layer1']['bias']: Tensor vs List of 2");

        Map<String, Object> swapped = ordered("layer0", ordered("weight", t(1)), "layer1", ordered("bias", t(2), "weight", t(1)));
        assertThatThrownBy(() -> Trees.map2(a, swapped, Tensor::add))
                .hasMessageStartingWith("map2: structures differ at ['layer1']: Map with keys [weight, bias] vs Map with keys [bias, weight]")
                .hasMessageContaining("another order");

        assertThatThrownBy(() -> Trees.map2(List.of(t(1), t(2)), List.of(t(1)), Tensor::add))
                .hasMessage("map2: structures differ at the root: List of 2 vs List of 1");
        assertThatThrownBy(() -> Trees.map2(listOf(t(1), null), List.of(t(1), t(2)), Tensor::add))
                .hasMessage("map2: structures differ at [1]: null vs Tensor");
        State s = new State(t(1), Map.of("w", t(1)), null);
        State r = new State(t(1), Map.of("v", t(1)), null);
        assertThatThrownBy(() -> Trees.map2(s, r, Tensor::add))
                .hasMessage("map2: structures differ at .mu: Map with keys [w] vs Map with keys [v]");
    }

    @Test
    void mapWithPathUsesDottedStateDictNames() {
        Map<String, Object> model = ordered(
                "encoder", ordered("fc1", ordered("weight", t(1), "bias", t(2))),
                "layers", List.of(ordered("weight", t(3))),
                "opt", new State(t(4), Map.of("w", t(5)), null));
        List<String> seen = new ArrayList<>();
        Map<String, Object> decayed = Trees.mapWithPath(model, (name, p) -> {
            seen.add(name);
            return name.endsWith("bias") ? p : p.mul(0.5);
        });
        assertThat(seen).containsExactly("encoder.fc1.weight", "encoder.fc1.bias", "layers.0.weight", "opt.step", "opt.mu.w");
        assertThat(values(Trees.leaves(decayed))).containsExactly(0.5, 2, 1.5, 2, 2.5);
        assertThat(Trees.namedLeaves(model).keySet()).containsExactlyElementsOf(seen);
        assertThat(Trees.namedLeaves(t(1)).keySet()).containsExactly("");
    }

    @Test
    void namedLeavesRejectsCollidingNames() {
        Map<String, Object> clash = ordered("a.b", t(1), "a", ordered("b", t(2)));
        assertThatThrownBy(() -> Trees.namedLeaves(clash))
                .hasMessage("namedLeaves: the leaves at ['a.b'] and ['a']['b'] are both named \"a.b\"");
    }

    @Test
    void mapRefusesANullResult() {
        assertThatThrownBy(() -> Trees.map(ordered("a", t(1), "b", List.of(t(2))), x -> x.numel() > 5 ? x : null))
                .hasMessage("map: the function returned null for the leaf at ['a']; return a tensor for every leaf");
    }

    @Test
    void recordsWithConcreteCollectionComponentsExplainTheRebuildFailure() {
        record Concrete(ArrayList<Tensor> items) {
        }
        Concrete c = new Concrete(new ArrayList<>(List.of(t(1))));
        assertThatThrownBy(() -> Trees.map(c, x -> x))
                .hasMessageContaining("cannot rebuild record Concrete")
                .hasMessageContaining("interface types");
    }

    @Test
    void aRecordConstructorCheckFailureIsReported() {
        record Positive(Tensor x) {
            Positive {
                if (x.toDoubleArray()[0] <= 0) {
                    throw new IllegalArgumentException("x must be positive");
                }
            }
        }
        assertThatThrownBy(() -> Trees.map(new Positive(t(1)), x -> x.neg()))
                .hasMessageContaining("canonical constructor of Positive")
                .hasMessageContaining("x must be positive");
    }
}
