package dev.metagrad.examples.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of one command line, {@code --name value} or {@code --name=value} (the last occurrence wins),
 * and boolean flags {@code --name}; read back with typed getters that check ranges and fall back to
 * defaults. Every problem is a {@link UsageException} naming the option.
 */
public final class CommandLine {
    private final Map<String, String> values;
    private final Set<String> flags;

    private CommandLine(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /**
     * Parses arguments.
     *
     * @param args   the arguments after the command name
     * @param valued option names that take a value, with their dashes ({@code "--steps"})
     * @param flags  option names that take none
     * @throws UsageException for an unknown option, a flag given a value, an option without its value, or a
     *                        bare argument
     */
    public static CommandLine parse(List<String> args, Set<String> valued, Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            if (flags.contains(name)) {
                if (eq > 0) {
                    throw new UsageException(name + " takes no value");
                }
                seen.add(name);
            } else if (valued.contains(name)) {
                String value;
                if (eq > 0) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(name + " needs a value");
                }
                values.put(name, value);
            } else {
                Set<String> known = new TreeSet<>(valued);
                known.addAll(flags);
                throw new UsageException("unknown option " + name + " (known: " + String.join(", ", known) + ")");
            }
        }
        return new CommandLine(values, seen);
    }

    /** Whether the flag was given. */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * An integer option.
     *
     * @throws UsageException when the value is not an integer or is below {@code min}
     */
    public int integer(String name, int defaultValue, int min) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": expected an integer, got '" + v + "'");
        }
        if (n < min) {
            throw new UsageException(name + ": must be at least " + min + ", got " + n);
        }
        return n;
    }

    /**
     * A long integer option of any sign, such as a seed.
     *
     * @throws UsageException when the value is not an integer
     */
    public long longInteger(String name, long defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": expected an integer, got '" + v + "'");
        }
    }

    /**
     * A finite real option in {@code [min, max]}.
     *
     * @throws UsageException when the value is not a finite number in range
     */
    public double real(String name, double defaultValue, double min, double max) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": expected a number, got '" + v + "'");
        }
        if (!Double.isFinite(d) || d < min || d > max) {
            throw new UsageException(name + ": expected a finite number in [" + min + ", " + max + "], got " + v);
        }
        return d;
    }

    /**
     * A finite real option that must be strictly positive.
     *
     * @throws UsageException when the value is not a finite number above 0
     */
    public double positive(String name, double defaultValue) {
        String v = values.get(name);
        double d = real(name, defaultValue, -Double.MAX_VALUE, Double.MAX_VALUE);
        if (v != null && !(d > 0)) {
            throw new UsageException(name + ": must be positive, got " + v);
        }
        return d;
    }

    /** A string option, as given. */
    public String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /**
     * A path option.
     *
     * @throws UsageException when the value is empty or not a valid path
     */
    public Path path(String name, Path defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v.isEmpty()) {
            throw new UsageException(name + ": expected a path, got an empty string");
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new UsageException(name + ": not a valid path: " + e.getMessage());
        }
    }

    /** Whether {@code args} ask for help ({@code -h} or {@code --help} anywhere). */
    public static boolean wantsHelp(List<String> args) {
        return args.contains("-h") || args.contains("--help");
    }
}
