package dev.metagrad.optim.torch.lr;

import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a scheduler state dict in two phases, so that a bad one changes nothing: every {@code read...}
 * call checks its entry at once and queues the assignment; {@link #apply()} first rejects keys nobody read,
 * then runs the assignments. Keys missing from the dict are skipped (torch loads with
 * {@code __dict__.update}, which keeps attributes the dict does not mention).
 *
 * <p>Numbers are accepted as any {@link Number} (a state dict that went through JSON has only doubles)
 * or as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 */
final class StateReader {
    private final String owner;
    private final Map<String, ?> state;
    private final Set<String> read = new HashSet<>();
    private final List<Runnable> assignments = new ArrayList<>();

    StateReader(String owner, Map<String, ?> state) {
        this.owner = owner;
        this.state = Objects.requireNonNull(state, "state");
    }

    private boolean take(String key) {
        read.add(key);
        return state.containsKey(key);
    }

    IllegalArgumentException error(String key, String problem) {
        return new IllegalArgumentException(owner + ".loadStateDict: \"" + key + "\" " + problem
                + "; nothing was loaded");
    }

    /** Queues an assignment that runs in {@link #apply()} after every check passed. */
    void then(Runnable assignment) {
        assignments.add(assignment);
    }

    void readInt(String key, int min, Consumer<Integer> into) {
        if (take(key)) {
            int v = toInt(key, state.get(key));
            if (v < min) {
                throw error(key, "must be >= " + min + ", got " + v);
            }
            assignments.add(() -> into.accept(v));
        }
    }

    void readDouble(String key, Consumer<Double> into) {
        if (take(key)) {
            double v = toDouble(key, state.get(key));
            assignments.add(() -> into.accept(v));
        }
    }

    void readBoolean(String key, Consumer<Boolean> into) {
        if (take(key)) {
            Object v = state.get(key);
            if (!(v instanceof Boolean b)) {
                throw error(key, "must be a boolean, got " + Json.describe(v));
            }
            assignments.add(() -> into.accept(b));
        }
    }

    void readString(String key, Set<String> allowed, Consumer<String> into) {
        if (take(key)) {
            Object v = state.get(key);
            if (!(v instanceof String s) || !allowed.contains(s)) {
                throw error(key, "must be one of " + allowed + ", got " + Json.describe(v));
            }
            assignments.add(() -> into.accept(s));
        }
    }

    /** A list of numbers; {@code length} < 0 accepts any length. */
    void readDoubles(String key, int length, Consumer<double[]> into) {
        if (take(key)) {
            double[] v = doubles(key, state.get(key), length);
            assignments.add(() -> into.accept(v));
        }
    }

    /** A list of numbers or null. */
    void readDoublesOrNull(String key, int length, Consumer<double[]> into) {
        if (take(key)) {
            Object raw = state.get(key);
            double[] v = raw == null ? null : doubles(key, raw, length);
            assignments.add(() -> into.accept(v));
        }
    }

    /** A number or null. */
    void readDoubleOrNull(String key, Consumer<Double> into) {
        if (take(key)) {
            Object raw = state.get(key);
            Double v = raw == null ? null : toDouble(key, raw);
            assignments.add(() -> into.accept(v));
        }
    }

    /** A list of objects (nested state dicts and the like), or null; checked by the caller. */
    List<?> readList(String key) {
        if (!take(key)) {
            return null;
        }
        Object v = state.get(key);
        if (!(v instanceof List<?> l)) {
            throw error(key, "must be a list, got " + Json.describe(v));
        }
        return l;
    }

    /** An object entry (a map with string keys), or null when the key is absent; checked by the caller. */
    Map<String, Object> readObject(String key) {
        if (!take(key)) {
            return null;
        }
        return object(key, state.get(key));
    }

    /** The raw value of {@code key} (null when absent), for checks across entries; does not mark it read. */
    Object peek(String key) {
        return state.get(key);
    }

    /** Marks a key as known without reading it. */
    void ignore(String key) {
        read.add(key);
    }

    /** Rejects unknown keys, then runs the queued assignments in order. */
    void apply() {
        List<String> unknown = new ArrayList<>();
        for (String k : state.keySet()) {
            if (!read.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(owner + ".loadStateDict: unexpected keys " + unknown
                    + "; nothing was loaded");
        }
        assignments.forEach(Runnable::run);
    }

    int toInt(String key, Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw error(key, "must be an integer, got " + Json.describe(v));
    }

    double toDouble(String key, Object v) {
        try {
            return Json.toDouble(v);
        } catch (IllegalArgumentException e) {
            throw error(key, "must be a number, got " + Json.describe(v));
        }
    }

    double[] doubles(String key, Object raw, int length) {
        if (!(raw instanceof List<?> l)) {
            throw error(key, "must be a list of numbers, got " + Json.describe(raw));
        }
        if (length >= 0 && l.size() != length) {
            throw error(key, "must have " + length + " elements, got " + l.size());
        }
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(key + "[" + i + "]", l.get(i));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String key, Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw error(key, "must be an object, got " + Json.describe(raw));
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                throw error(key, "must have string keys, got " + k);
            }
        }
        return (Map<String, Object>) m;
    }

    /** A copy of {@code values} as the list of boxed doubles a state dict holds. */
    static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    /** A fresh insertion-ordered map for a state dict. */
    static Map<String, Object> newState() {
        return new LinkedHashMap<>();
    }
}
