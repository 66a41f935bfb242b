package dev.metagrad.optim.torch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, insertion-ordered map of optimizer options keyed by torch's option names ({@code "lr"},
 * {@code "betas"}, {@code "weight_decay"}, {@code "amsgrad"}, ...): the keyword arguments of a
 * {@code torch.optim} constructor, or one resolved {@code param_groups[i]} dict without its {@code params}.
 *
 * <p>Values are normalised on the way in so that equal options compare equal: integral boxed numbers
 * ({@link Integer}, {@link Long}, {@link Short}, {@link Byte}) become {@link Long} (torch's Python
 * {@code int}, such as SGD's default {@code momentum=0}), {@link Float} and {@link Double} become
 * {@link Double}; {@link Boolean}, {@link String} and {@code null} stay as they are; a {@link List} or
 * {@code double[]} of numbers (a tuple such as {@code betas}) becomes an unmodifiable {@code List<Double>}.
 * Anything else is rejected with an {@link IllegalArgumentException} naming the key.
 *
 * <p>The typed getters accept any number where a number is expected ({@code getDouble("momentum")} on the
 * integer {@code 0} gives {@code 0.0}) and throw an {@link IllegalArgumentException} naming the key when the
 * key is missing or the value has the wrong type.
 */
public final class Options {
    private static final Options EMPTY = new Options(new LinkedHashMap<>());

    private final Map<String, Object> values;

    private Options(LinkedHashMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No options. */
    public static Options empty() {
        return EMPTY;
    }

    /**
     * Options from alternating keys and values: {@code Options.of("lr", 0.1, "momentum", 0.9)}.
     *
     * @throws IllegalArgumentException when the count is odd, a key is not a non-empty String or appears
     *                                  twice, or a value has an unsupported type
     */
    public static Options of(Object... keyValues) {
        Objects.requireNonNull(keyValues, "keyValues");
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("Options.of: expected alternating keys and values, got an odd count "
                    + keyValues.length);
        }
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!(keyValues[i] instanceof String key) || key.isEmpty()) {
                throw new IllegalArgumentException("Options.of: argument " + i + " must be a non-empty String key, got "
                        + keyValues[i]);
            }
            if (map.containsKey(key)) {
                throw new IllegalArgumentException("Options.of: option \"" + key + "\" is given twice");
            }
            map.put(key, normalize(key, keyValues[i + 1]));
        }
        return new Options(map);
    }

    /**
     * Options holding the entries of {@code map} in its iteration order.
     *
     * @throws IllegalArgumentException when a key is null or empty or a value has an unsupported type
     */
    public static Options of(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                throw new IllegalArgumentException("Options.of: option keys must be non-empty Strings, got " + e.getKey());
            }
            out.put(e.getKey(), normalize(e.getKey(), e.getValue()));
        }
        return new Options(out);
    }

    /**
     * These options with {@code key} set to {@code value}: replaced in place when present, appended otherwise.
     *
     * @throws IllegalArgumentException when the value has an unsupported type
     */
    public Options with(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("Options.with: option key must not be empty");
        }
        LinkedHashMap<String, Object> map = new LinkedHashMap<>(values);
        map.put(key, normalize(key, value));
        return new Options(map);
    }

    /** These options with every entry of {@code overrides} set (existing keys keep their position). */
    public Options withAll(Options overrides) {
        Objects.requireNonNull(overrides, "overrides");
        if (overrides.values.isEmpty()) {
            return this;
        }
        LinkedHashMap<String, Object> map = new LinkedHashMap<>(values);
        map.putAll(overrides.values);
        return new Options(map);
    }

    /** These options without {@code key} (the same options when it is absent). */
    public Options without(String key) {
        if (!values.containsKey(key)) {
            return this;
        }
        LinkedHashMap<String, Object> map = new LinkedHashMap<>(values);
        map.remove(key);
        return new Options(map);
    }

    /** Whether {@code key} is present (its value may be null). */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * The value of {@code key}, possibly null.
     *
     * @throws IllegalArgumentException when the key is absent
     */
    public Object get(String key) {
        require(key);
        return values.get(key);
    }

    /** The keys in insertion order. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The number of options. */
    public int size() {
        return values.size();
    }

    /** An unmodifiable view of the options, in insertion order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * {@code key} as a double (any number).
     *
     * @throws IllegalArgumentException when absent or not a number
     */
    public double getDouble(String key) {
        Object v = get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw typeError(key, "a number", v);
    }

    /**
     * {@code key} as a long: a {@link Long}, or a {@link Double} holding an integral value.
     *
     * @throws IllegalArgumentException when absent, not a number, or not integral
     */
    public long getLong(String key) {
        Object v = get(key);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) <= 9.007199254740992E15) {
            return d.longValue();
        }
        throw typeError(key, "an integer", v);
    }

    /**
     * {@code key} as a boolean.
     *
     * @throws IllegalArgumentException when absent or not a Boolean
     */
    public boolean getBoolean(String key) {
        Object v = get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw typeError(key, "a boolean", v);
    }

    /**
     * {@code key} as a String, or null when its value is null (torch's {@code None}, for example LBFGS's
     * {@code line_search_fn}).
     *
     * @throws IllegalArgumentException when absent or neither a String nor null
     */
    public String getString(String key) {
        Object v = get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw typeError(key, "a string or null", v);
    }

    /**
     * {@code key} as a tuple of doubles ({@code betas}, {@code etas}, {@code step_sizes}).
     *
     * @throws IllegalArgumentException when absent or not a list of numbers
     */
    public double[] getDoubles(String key) {
        Object v = get(key);
        if (v instanceof List<?> l) {
            double[] out = new double[l.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (Double) l.get(i); // normalize() made every element a Double
            }
            return out;
        }
        throw typeError(key, "a list of numbers", v);
    }

    /**
     * {@code key} as a tuple of exactly {@code n} doubles.
     *
     * @throws IllegalArgumentException when absent, not a list of numbers, or of another length
     */
    public double[] getDoubles(String key, int n) {
        double[] d = getDoubles(key);
        if (d.length != n) {
            throw new IllegalArgumentException("option \"" + key + "\" must hold " + n + " numbers, got " + d.length
                    + ": " + values.get(key));
        }
        return d;
    }

    /**
     * Normalises one option value (see the class comment).
     *
     * @throws IllegalArgumentException for an unsupported type, naming {@code key}
     */
    static Object normalize(String key, Object value) {
        if (value == null || value instanceof Boolean || value instanceof String || value instanceof Double) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof double[] a) {
            List<Double> out = new ArrayList<>(a.length);
            for (double d : a) {
                out.add(d);
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof List<?> l) {
            List<Double> out = new ArrayList<>(l.size());
            for (Object o : l) {
                if (!(o instanceof Number n)) {
                    throw new IllegalArgumentException("option \"" + key + "\": a tuple must hold numbers, got "
                            + (o == null ? "null" : o.getClass().getSimpleName() + " " + o));
                }
                out.add(n.doubleValue());
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException("option \"" + key + "\": unsupported value type " + value.getClass().getName()
                + "; use a number, boolean, string, null or a list of numbers");
    }

    private void require(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("no option \"" + key + "\"; options are " + values.keySet());
        }
    }

    private static IllegalArgumentException typeError(String key, String expected, Object v) {
        return new IllegalArgumentException("option \"" + key + "\" must be " + expected + ", got "
                + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Options other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** {@code {lr=0.1, momentum=0.9}}. */
    @Override
    public String toString() {
        return values.toString();
    }
}
