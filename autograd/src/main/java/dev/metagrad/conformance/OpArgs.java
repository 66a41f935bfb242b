package dev.metagrad.conformance;

import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed read access to a golden case's {@code "args"} object. Every getter records the key it read, so
 * after the op ran {@link #unread()} names the arguments the op did not understand: a case with an
 * argument the runner ignores would otherwise pass while testing something else than the reference.
 *
 * <p>JSON numbers arrive as doubles; integer arguments must be integral. Error messages name the op
 * and the argument.
 */
public final class OpArgs {
    private final String op;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    /**
     * Wraps the parsed {@code args} object of a case.
     *
     * @param op     the op name, for error messages
     * @param values the parsed object (may be empty, not null)
     */
    public OpArgs(String op, Map<String, Object> values) {
        this.op = op;
        this.values = values;
    }

    /** Whether the argument is present (a JSON null counts as present); does not count as a read. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A required integer argument. */
    public int integer(String name) {
        return toInt(name, require(name));
    }

    /** An integer argument that may be null or missing (then null). */
    public Integer optionalInteger(String name) {
        Object v = optional(name);
        return v == null ? null : toInt(name, v);
    }

    /** An integer argument that may be null or missing, then {@code fallback} (torch's default). */
    public int optionalInteger(String name, int fallback) {
        Integer v = optionalInteger(name);
        return v == null ? fallback : v;
    }

    /** A required number argument (a JSON integer is fine). */
    public double number(String name) {
        Object v = require(name);
        try {
            return Json.toDouble(v);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "a number", v);
        }
    }

    /** A number argument that may be null or missing (then null), such as clamp's one-sided bounds. */
    public Double optionalNumber(String name) {
        Object v = optional(name);
        if (v == null) {
            return null;
        }
        try {
            return Json.toDouble(v);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "a number or null", v);
        }
    }

    /** A required boolean argument. */
    public boolean bool(String name) {
        Object v = require(name);
        if (!(v instanceof Boolean b)) {
            throw invalid(name, "true or false", v);
        }
        return b;
    }

    /** A required string argument. */
    public String string(String name) {
        Object v = require(name);
        if (!(v instanceof String s)) {
            throw invalid(name, "a string", v);
        }
        return s;
    }

    /** A string argument that may be null or missing, then {@code fallback} (torch's default). */
    public String optionalString(String name, String fallback) {
        Object v = optional(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw invalid(name, "a string", v);
        }
        return s;
    }

    /** A number argument that may be null or missing, then {@code fallback} (torch's default). */
    public double optionalNumber(String name, double fallback) {
        Double v = optionalNumber(name);
        return v == null ? fallback : v;
    }

    /** A boolean argument that may be null or missing, then {@code fallback} (torch's default). */
    public boolean optionalBool(String name, boolean fallback) {
        Object v = optional(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw invalid(name, "true or false", v);
        }
        return b;
    }

    /**
     * A pair of integers such as a kernel size or stride: a two-element list, or one integer used for both
     * (as torch accepts).
     */
    public int[] intPair(String name) {
        Object v = require(name);
        return toPair(name, v);
    }

    /** Like {@link #intPair} but null or missing gives null (pooling's {@code stride} defaults to the kernel). */
    public int[] optionalIntPair(String name) {
        Object v = optional(name);
        return v == null ? null : toPair(name, v);
    }

    /** A required list of integers (for example {@code dims}, {@code shape}, {@code stride}). */
    public int[] intList(String name) {
        Object v = require(name);
        return toIntList(name, v);
    }

    /** A list of integers that may be null or missing (then null), such as a reduction's {@code dim}. */
    public int[] optionalIntList(String name) {
        Object v = optional(name);
        return v == null ? null : toIntList(name, v);
    }

    /**
     * The raw parsed value of an argument that may take several forms (one number or a per-group list, a
     * nested spec), null when null or missing; counts as a read.
     */
    public Object value(String name) {
        return optional(name);
    }

    /** A required list of numbers (JSON integers are fine), such as per-group learning rates. */
    public List<Double> numberList(String name) {
        Object v = require(name);
        if (!(v instanceof List<?> list)) {
            throw invalid(name, "a list of numbers", v);
        }
        List<Double> out = new ArrayList<>(list.size());
        for (Object o : list) {
            try {
                out.add(Json.toDouble(o));
            } catch (IllegalArgumentException e) {
                throw invalid(name, "a list of numbers", v);
            }
        }
        return out;
    }

    /** The names of the arguments present but never read, in the file's order. */
    public List<String> unread() {
        List<String> out = new ArrayList<>();
        for (String k : values.keySet()) {
            if (!read.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * Refuses arguments nobody read: call it after reading every argument the runner understands.
     *
     * @throws IllegalArgumentException {@code "<op>: unknown argument(s) [a, b]"}, in the file's order
     */
    public void requireAllRead() {
        List<String> unknown = unread();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(op + ": unknown argument(s) " + unknown);
        }
    }

    private Object require(String name) {
        read.add(name);
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException(op + ": missing argument \"" + name + "\"");
        }
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(op + ": argument \"" + name + "\" must not be null");
        }
        return v;
    }

    private Object optional(String name) {
        read.add(name);
        return values.get(name);
    }

    private int[] toIntList(String name, Object v) {
        if (!(v instanceof List<?> list)) {
            throw invalid(name, "a list of integers", v);
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt(name + "[" + i + "]", list.get(i));
        }
        return out;
    }

    private int[] toPair(String name, Object v) {
        if (v instanceof Number) {
            int k = toInt(name, v);
            return new int[] {k, k};
        }
        int[] pair = toIntList(name, v);
        if (pair.length != 2) {
            throw invalid(name, "an integer or a list of two integers", v);
        }
        return pair;
    }

    private int toInt(String name, Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw invalid(name, "an integer", v);
    }

    private IllegalArgumentException invalid(String name, String expected, Object v) {
        return new IllegalArgumentException(op + ": argument \"" + name + "\" must be " + expected + ", got "
                + Json.describe(v));
    }
}
