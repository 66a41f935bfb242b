package dev.metagrad.optim.torch.conformance;

import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code args} object of a golden scheduler case, read key by key. {@link #done()} rejects keys nobody
 * read, so an option the runner does not know fails the case instead of being ignored.
 */
final class GoldenArgs {
    private final String owner;
    private final Map<String, Object> args;
    private final Set<String> read = new HashSet<>();

    GoldenArgs(String owner, Map<String, Object> args) {
        this.owner = owner;
        this.args = args == null ? Map.of() : args;
    }

    boolean has(String key) {
        read.add(key);
        return args.containsKey(key) && args.get(key) != null;
    }

    Object raw(String key) {
        read.add(key);
        return args.get(key);
    }

    private IllegalArgumentException bad(String key, String expected) {
        return new IllegalArgumentException(owner + ": argument \"" + key + "\" must be " + expected + ", got "
                + Json.describe(args.get(key)));
    }

    double number(String key) {
        read.add(key);
        if (!args.containsKey(key)) {
            throw new IllegalArgumentException(owner + ": missing argument \"" + key + "\"");
        }
        try {
            return Json.toDouble(args.get(key));
        } catch (IllegalArgumentException e) {
            throw bad(key, "a number");
        }
    }

    double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    int integer(String key) {
        double v = number(key);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw bad(key, "an integer");
        }
        return (int) v;
    }

    int integer(String key, int fallback) {
        return has(key) ? integer(key) : fallback;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (!(args.get(key) instanceof Boolean b)) {
            throw bad(key, "a boolean");
        }
        return b;
    }

    String string(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (!(args.get(key) instanceof String s)) {
            throw bad(key, "a string");
        }
        return s;
    }

    /** Whether the argument is a per-group list rather than one number. */
    boolean isList(String key) {
        read.add(key);
        return args.get(key) instanceof List<?>;
    }

    List<Double> numbers(String key) {
        read.add(key);
        if (!(args.get(key) instanceof List<?> l)) {
            throw bad(key, "a list of numbers");
        }
        List<Double> out = new ArrayList<>(l.size());
        for (Object o : l) {
            try {
                out.add(Json.toDouble(o));
            } catch (IllegalArgumentException e) {
                throw bad(key, "a list of numbers");
            }
        }
        return out;
    }

    List<Integer> integers(String key) {
        List<Integer> out = new ArrayList<>();
        for (double d : numbers(key)) {
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw bad(key, "a list of integers");
            }
            out.add((int) d);
        }
        return out;
    }

    /**
     * @throws IllegalArgumentException naming the arguments that were given but not understood
     */
    void done() {
        List<String> unknown = new ArrayList<>();
        for (String k : args.keySet()) {
            if (!read.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(owner + ": unknown argument(s) " + unknown);
        }
    }
}
