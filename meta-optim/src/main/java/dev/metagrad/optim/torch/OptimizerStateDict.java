package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.GoldenTensors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable optimizer state dict in torch's layout ({@code optimizer.state_dict()}):
 * <pre>
 *   {"state":        {index: {key: value, ...}, ...},       only parameters that have state
 *    "param_groups": [{option: value, ..., "params": [index, ...]}, ...]}
 * </pre>
 * Indices number the parameters of all groups in order. State values are tensors (detached leaves), numbers
 * ({@link Long} or {@link Double}), booleans, strings, null, or lists of these. Tensors are immutable, so a state
 * dict may share them with the optimizer it came from.
 *
 * <p>{@link #toMap()} / {@link #fromMap(Map)} convert to and from plain nested maps and lists.
 * {@link #save(Path)} / {@link #load(Path)} use one safetensors file, see {@link #save(Path)}.
 */
public final class OptimizerStateDict {
    private final Map<Integer, Map<String, Object>> state;
    private final List<Group> paramGroups;

    /**
     * One entry of {@code param_groups}.
     *
     * @param options every option of the group
     * @param params  the indices of its parameters
     */
    public record Group(Options options, List<Integer> params) {
        /** @throws NullPointerException when an argument or an index is null */
        public Group {
            Objects.requireNonNull(options, "options");
            params = List.copyOf(params);
        }
    }

    /**
     * A state dict; both arguments are copied deeply (tensors detached).
     *
     * @param state       per-parameter state by index (a parameter without state may be missing or map to an empty map)
     * @param paramGroups the groups
     * @throws IllegalArgumentException when an index is negative or a state value has an unsupported type
     */
    public OptimizerStateDict(Map<Integer, ? extends Map<String, ?>> state, List<Group> paramGroups) {
        Objects.requireNonNull(state, "state");
        TreeMap<Integer, Map<String, Object>> copy = new TreeMap<>();
        for (Map.Entry<Integer, ? extends Map<String, ?>> e : state.entrySet()) {
            Integer id = Objects.requireNonNull(e.getKey(), "a state index is null");
            if (id < 0) {
                throw new IllegalArgumentException("OptimizerStateDict: negative parameter index " + id);
            }
            Map<String, Object> s = StateValues.copyState(e.getValue(), "OptimizerStateDict: parameter " + id);
            if (!s.isEmpty()) {
                copy.put(id, s);
            }
        }
        this.state = Collections.unmodifiableMap(copy);
        this.paramGroups = List.copyOf(Objects.requireNonNull(paramGroups, "paramGroups"));
    }

    /** The per-parameter state by index, ascending; parameters without state are absent. */
    public Map<Integer, Map<String, Object>> state() {
        return state;
    }

    /** The state of parameter {@code index}, empty when it has none. */
    public Map<String, Object> state(int index) {
        return state.getOrDefault(index, Map.of());
    }

    /** The param groups, in order. */
    public List<Group> paramGroups() {
        return paramGroups;
    }

    /** This state dict with parameter {@code index}'s state replaced (for hooks that rewrite a state dict). */
    public OptimizerStateDict withState(int index, Map<String, ?> newState) {
        Map<Integer, Map<String, ?>> s = new LinkedHashMap<>(state);
        s.put(index, newState);
        return new OptimizerStateDict(s, paramGroups);
    }

    /** This state dict with group {@code g}'s options replaced. */
    public OptimizerStateDict withGroupOptions(int g, Options options) {
        List<Group> gs = new ArrayList<>(paramGroups);
        gs.set(g, new Group(options, paramGroups.get(g).params()));
        return new OptimizerStateDict(state, gs);
    }

    /**
     * torch's nested layout: {@code {"state": {Integer: {String: value}}, "param_groups": [{option: value, ...,
     * "params": [Integer, ...]}]}}, with tensors as {@link Tensor}s and tuples as {@code List<Double>}.
     * The maps and lists are fresh and modifiable; the tensors are shared (immutable).
     */
    public Map<String, Object> toMap() {
        Map<Object, Object> s = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<String, Object>> e : state.entrySet()) {
            s.put(e.getKey(), new LinkedHashMap<>(e.getValue()));
        }
        List<Object> gs = new ArrayList<>();
        for (Group g : paramGroups) {
            Map<String, Object> m = new LinkedHashMap<>(g.options().asMap());
            m.put("params", new ArrayList<>(g.params()));
            gs.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", s);
        out.put("param_groups", gs);
        return out;
    }

    /**
     * The state dict a nested map describes: the layout of {@link #toMap()}, or the same with JSON's conventions:
     * state keys as decimal strings (or {@code "state"} as a list by index, as the golden files write it), tensors
     * as {@code {"shape": [...], "data": [...], "dtype"?: ...}} objects, numbers as any {@link Number}.
     *
     * @throws IllegalArgumentException naming the first malformed part
     */
    public static OptimizerStateDict fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        Object rawState = map.get("state");
        Object rawGroups = map.get("param_groups");
        if (!map.containsKey("state") || !map.containsKey("param_groups")) {
            throw new IllegalArgumentException("OptimizerStateDict.fromMap: needs keys \"state\" and \"param_groups\", got " + map.keySet());
        }
        Map<Integer, Map<String, Object>> state = new LinkedHashMap<>();
        if (rawState instanceof Map<?, ?> sm) {
            for (Map.Entry<?, ?> e : sm.entrySet()) {
                int id = index(e.getKey(), "state key");
                state.put(id, stateEntry(e.getValue(), "state[" + id + "]"));
            }
        } else if (rawState instanceof List<?> sl) {
            for (int i = 0; i < sl.size(); i++) {
                state.put(i, stateEntry(sl.get(i), "state[" + i + "]"));
            }
        } else {
            throw new IllegalArgumentException("OptimizerStateDict.fromMap: \"state\" must be a map or a list, got " + kind(rawState));
        }
        if (!(rawGroups instanceof List<?> gl)) {
            throw new IllegalArgumentException("OptimizerStateDict.fromMap: \"param_groups\" must be a list, got " + kind(rawGroups));
        }
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < gl.size(); g++) {
            if (!(gl.get(g) instanceof Map<?, ?> gm)) {
                throw new IllegalArgumentException("OptimizerStateDict.fromMap: param_groups[" + g + "] must be a map, got " + kind(gl.get(g)));
            }
            if (!(gm.get("params") instanceof List<?> ids)) {
                throw new IllegalArgumentException("OptimizerStateDict.fromMap: param_groups[" + g + "] needs a \"params\" list");
            }
            List<Integer> params = new ArrayList<>();
            for (Object id : ids) {
                params.add(index(id, "param_groups[" + g + "].params element"));
            }
            Map<String, Object> opts = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : gm.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException("OptimizerStateDict.fromMap: param_groups[" + g + "] has a non-string key " + e.getKey());
                }
                if (!"params".equals(k)) {
                    opts.put(k, e.getValue());
                }
            }
            groups.add(new Group(Options.of(opts), params));
        }
        return new OptimizerStateDict(state, groups);
    }

    private static Map<String, Object> stateEntry(Object v, String where) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("OptimizerStateDict.fromMap: " + where + " must be a map, got " + kind(v));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                throw new IllegalArgumentException("OptimizerStateDict.fromMap: " + where + " has a non-string key " + e.getKey());
            }
            out.put(k, decodeValue(e.getValue(), where + "." + k));
        }
        return out;
    }

    private static Object decodeValue(Object v, String where) {
        if (GoldenTensors.isTensor(v)) {
            return GoldenTensors.decode(v, where);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(decodeValue(l.get(i), where + "[" + i + "]"));
            }
            return out;
        }
        return v;
    }

    private static int index(Object key, String what) {
        if (key instanceof Integer i) {
            return i;
        }
        if (key instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (key instanceof String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("OptimizerStateDict.fromMap: " + what + " must be an integer index, got " + key);
    }

    private static String kind(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName();
    }

    /**
     * Saves this state dict as one safetensors file: every state tensor is a tensor of the file, named
     * {@code state.<index>.<key>} (list elements {@code state.<index>.<key>.<position>}), and everything else is
     * JSON in the metadata entry {@value StateDictFile#METADATA_KEY}:
     * <pre>
     *   {"format": "metagrad.optimizer_state/1",
     *    "state": {"0": {"step": {"tensor": "state.0.step"}, "n_iter": {"int": "5"}, "t": 0.25, ...}, ...},
     *    "param_groups": [{"options": {"lr": 0.1, "momentum": {"int": "0"}, "betas": [0.9, 0.999], ...},
     *                      "params": [0, 1]}, ...]}
     * </pre>
     * A finite double is a JSON number (written so that it parses back to the same bits), a non-finite one
     * {@code {"float": "NaN" | "Infinity" | "-Infinity"}}, a long {@code {"int": "<decimal>"}}; booleans,
     * strings, null and lists are JSON's own. Tensor values and dtypes round-trip bit for bit, so a run resumed
     * from the file continues exactly as the uninterrupted run.
     *
     * @throws IOException when the file cannot be written
     */
    public void save(Path path) throws IOException {
        StateDictFile.save(this, path);
    }

    /**
     * Reads a file written by {@link #save(Path)}.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not a valid optimizer state file (message names the problem)
     */
    public static OptimizerStateDict load(Path path) throws IOException {
        return StateDictFile.load(path);
    }

    @Override
    public String toString() {
        return "OptimizerStateDict{state for " + state.size() + " parameter(s), param_groups=" + paramGroups + "}";
    }
}
