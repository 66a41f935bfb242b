package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.io.Safetensors;
import dev.metagrad.io.SafetensorsFile;
import dev.metagrad.json.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The file format of {@link OptimizerStateDict#save(Path)}: one safetensors file, JSON structure in its metadata. */
final class StateDictFile {
    /** The metadata entry holding the JSON structure. */
    static final String METADATA_KEY = "metagrad.optimizer_state";
    static final String FORMAT = "metagrad.optimizer_state/1";

    private StateDictFile() {
    }

    static void save(OptimizerStateDict sd, Path path) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, Object> state = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<String, Object>> e : sd.state().entrySet()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            for (Map.Entry<String, Object> kv : e.getValue().entrySet()) {
                entry.put(kv.getKey(), encode(kv.getValue(), "state." + e.getKey() + "." + kv.getKey(), tensors));
            }
            state.put(Integer.toString(e.getKey()), entry);
        }
        List<Object> groups = new ArrayList<>();
        for (OptimizerStateDict.Group g : sd.paramGroups()) {
            Map<String, Object> opts = new LinkedHashMap<>();
            for (Map.Entry<String, Object> kv : g.options().asMap().entrySet()) {
                opts.put(kv.getKey(), encode(kv.getValue(), "options." + kv.getKey(), null));
            }
            Map<String, Object> ge = new LinkedHashMap<>();
            ge.put("options", opts);
            ge.put("params", new ArrayList<Object>(g.params()));
            groups.add(ge);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("state", state);
        root.put("param_groups", groups);
        Safetensors.save(tensors, Map.of(METADATA_KEY, Json.write(root)), path);
    }

    private static Object encode(Object v, String name, Map<String, Tensor> tensors) {
        if (v instanceof Tensor t) {
            if (tensors == null) {
                throw new IllegalArgumentException("OptimizerStateDict.save: option " + name + " is a tensor; options hold no tensors");
            }
            String unique = name;
            for (int k = 1; tensors.containsKey(unique); k++) {
                unique = name + "#" + k; // a key with dots could otherwise collide with a list element's name
            }
            tensors.put(unique, t);
            return Map.of("tensor", unique);
        }
        if (v instanceof Long l) {
            return Map.of("int", Long.toString(l));
        }
        if (v instanceof Double d && !Double.isFinite(d)) {
            return Map.of("float", d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(encode(l.get(i), name + "." + i, tensors));
            }
            return out;
        }
        return v; // Double, Boolean, String, null
    }

    static OptimizerStateDict load(Path path) throws IOException {
        SafetensorsFile file = Safetensors.load(path);
        String where = "OptimizerStateDict.load(" + path + "): ";
        String json = file.metadata().get(METADATA_KEY);
        if (json == null) {
            throw new IllegalArgumentException(where + "no \"" + METADATA_KEY + "\" metadata; not an optimizer state file");
        }
        Map<String, Object> root;
        try {
            root = Json.parseObject(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "malformed metadata JSON: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(root.get("format"))) {
            throw new IllegalArgumentException(where + "unknown format " + Json.describe(root.get("format")) + ", expected " + FORMAT);
        }
        Set<String> used = new HashSet<>();
        Map<Integer, Map<String, Object>> state = new LinkedHashMap<>();
        if (!(root.get("state") instanceof Map<?, ?> sm)) {
            throw new IllegalArgumentException(where + "\"state\" must be an object");
        }
        for (Map.Entry<?, ?> e : sm.entrySet()) {
            int id;
            try {
                id = Integer.parseInt((String) e.getKey());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(where + "state key \"" + e.getKey() + "\" is not an index", ex);
            }
            if (!(e.getValue() instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException(where + "state \"" + id + "\" must be an object");
            }
            Map<String, Object> s = new LinkedHashMap<>();
            for (Map.Entry<?, ?> kv : entry.entrySet()) {
                s.put((String) kv.getKey(), decode(kv.getValue(), where + "state " + id + " \"" + kv.getKey() + "\"", file, used));
            }
            state.put(id, s);
        }
        if (!(root.get("param_groups") instanceof List<?> gl)) {
            throw new IllegalArgumentException(where + "\"param_groups\" must be an array");
        }
        List<OptimizerStateDict.Group> groups = new ArrayList<>();
        for (int g = 0; g < gl.size(); g++) {
            if (!(gl.get(g) instanceof Map<?, ?> gm) || !(gm.get("options") instanceof Map<?, ?> om)
                    || !(gm.get("params") instanceof List<?> ids)) {
                throw new IllegalArgumentException(where + "param_groups[" + g + "] must be {\"options\": {...}, \"params\": [...]}");
            }
            Map<String, Object> opts = new LinkedHashMap<>();
            for (Map.Entry<?, ?> kv : om.entrySet()) {
                Object value = decode(kv.getValue(), where + "param_groups[" + g + "] option \"" + kv.getKey() + "\"", null, used);
                opts.put((String) kv.getKey(), value);
            }
            List<Integer> params = new ArrayList<>();
            for (Object id : ids) {
                double d = Json.toDouble(id);
                if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(where + "param_groups[" + g + "] has a bad parameter index " + id);
                }
                params.add((int) d);
            }
            groups.add(new OptimizerStateDict.Group(Options.of(opts), params));
        }
        for (String name : file.tensors().keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException(where + "tensor \"" + name + "\" is not referenced by the metadata");
            }
        }
        return new OptimizerStateDict(state, groups);
    }

    private static Object decode(Object v, String where, SafetensorsFile file, Set<String> used) {
        if (v instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.get("tensor") instanceof String name && file != null) {
                Tensor t = file.tensors().get(name);
                if (t == null) {
                    throw new IllegalArgumentException(where + ": tensor \"" + name + "\" is missing from the file");
                }
                if (!used.add(name)) {
                    throw new IllegalArgumentException(where + ": tensor \"" + name + "\" is referenced twice");
                }
                return t;
            }
            if (m.size() == 1 && m.get("int") instanceof String s) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": bad integer \"" + s + "\"", e);
                }
            }
            if (m.size() == 1 && m.get("float") instanceof String s) {
                return Json.toDouble(s);
            }
            throw new IllegalArgumentException(where + ": unexpected object " + m.keySet());
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(decode(l.get(i), where + "[" + i + "]", file, used));
            }
            return out;
        }
        return v;
    }
}
