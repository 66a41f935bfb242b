package dev.metagrad.examples.maml;

import dev.metagrad.autograd.DType;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@code metagrad maml-sine}; {@link #parse} reads them from the command line.
 *
 * @param innerSteps K, inner SGD steps per task
 * @param tasks      T, tasks per meta-batch
 * @param iterations meta-iterations
 * @param threads    worker threads for the tasks of a meta-batch
 * @param seed       seed of the initial weights and of the task stream
 * @param dtype      float64 or float32
 * @param firstOrder first-order MAML instead of second order
 * @param support    support points per task
 * @param query      query points per task
 * @param hidden     hidden width H of the 1-H-H-1 network
 * @param innerLr    inner SGD learning rate
 * @param outerLr    outer Adam learning rate
 * @param evalEvery  meta-test every this many iterations (and after the last)
 * @param evalTasks  held-out tasks per meta-test
 * @param plot       where the PNG goes
 */
public record MamlSineOptions(int innerSteps, int tasks, int iterations, int threads, long seed, DType dtype,
                              boolean firstOrder, int support, int query, int hidden, double innerLr, double outerLr,
                              int evalEvery, int evalTasks, Path plot) {
    /** The usage text. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: metagrad maml-sine [OPTIONS]",
            "  MAML on sinusoid regression (Finn et al. 2017): MLP 1-H-H-1 ReLU, K inner SGD steps per task,",
            "  one outer Adam step per meta-batch. Prints meta-test losses on held-out tasks, writes a PNG, and",
            "  ends with 'median ms per meta-iteration: X'.",
            "  --K N              inner SGD steps per task (default 5)",
            "  --tasks N          tasks per meta-batch (default 25)",
            "  --iterations N     meta-iterations (default 2000)",
            "  --threads N        threads for the tasks of a meta-batch (default 1; same numbers for any N)",
            "  --seed N           seed of the initial weights and the tasks (default 0)",
            "  --dtype D          float64 (default) or float32",
            "  --first-order      first-order MAML (detached inner gradients)",
            "  --support N        support points per task (default 10)",
            "  --query N          query points per task (default 10)",
            "  --hidden N         hidden width H (default 40)",
            "  --inner-lr X       inner SGD learning rate alpha (default 0.01)",
            "  --outer-lr X       outer Adam learning rate (default 0.001)",
            "  --eval-every N     meta-test every N iterations (default 100)",
            "  --eval-tasks N     held-out tasks per meta-test (default 100)",
            "  --plot PATH        PNG of adapted curves and the loss curve (default maml-sine.png)",
            "  -h, --help         show this help");

    /** The defaults (the command line with no options). */
    public static MamlSineOptions defaults() {
        return new MamlSineOptions(5, 25, 2000, 1, 0, DType.FLOAT64, false, 10, 10, 40, 0.01, 1e-3, 100, 100,
                Path.of("maml-sine.png"));
    }

    /** A command line this command does not understand; the message says why. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** An exception with the given message. */
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses options ({@code --name value} or {@code --name=value}).
     *
     * @throws UsageException for an unknown option, a missing or malformed value, or a value out of range
     */
    public static MamlSineOptions parse(List<String> args) {
        MamlSineOptions o = defaults();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--first-order")) {
                o = o.with(b -> b.firstOrder = true);
                continue;
            }
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                value = null;
            }
            o = apply(o, name, value);
        }
        return o;
    }

    private static MamlSineOptions apply(MamlSineOptions o, String name, String value) {
        if (!KNOWN.contains(name)) {
            throw new UsageException("unknown option " + name);
        }
        if (value == null) {
            throw new UsageException(name + " needs a value");
        }
        return switch (name) {
            case "--K" -> o.with(b -> b.innerSteps = count(name, value, 0));
            case "--tasks" -> o.with(b -> b.tasks = count(name, value, 1));
            case "--iterations" -> o.with(b -> b.iterations = count(name, value, 1));
            case "--threads" -> o.with(b -> b.threads = count(name, value, 1));
            case "--seed" -> o.with(b -> b.seed = seed(value));
            case "--dtype" -> o.with(b -> b.dtype = dtype(value));
            case "--support" -> o.with(b -> b.support = count(name, value, 1));
            case "--query" -> o.with(b -> b.query = count(name, value, 1));
            case "--hidden" -> o.with(b -> b.hidden = count(name, value, 1));
            case "--inner-lr" -> o.with(b -> b.innerLr = real(name, value));
            case "--outer-lr" -> o.with(b -> b.outerLr = real(name, value));
            case "--eval-every" -> o.with(b -> b.evalEvery = count(name, value, 1));
            case "--eval-tasks" -> o.with(b -> b.evalTasks = count(name, value, 1));
            case "--plot" -> o.with(b -> b.plot = Path.of(value));
            default -> throw new UsageException("unknown option " + name);
        };
    }

    private static final List<String> KNOWN = List.of("--K", "--tasks", "--iterations", "--threads", "--seed",
            "--dtype", "--support", "--query", "--hidden", "--inner-lr", "--outer-lr", "--eval-every", "--eval-tasks",
            "--plot");

    private static int count(String name, String value, int min) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": expected an integer, got '" + value + "'");
        }
        if (n < min) {
            throw new UsageException(name + ": must be at least " + min + ", got " + n);
        }
        return n;
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed: expected an integer, got '" + value + "'");
        }
    }

    private static double real(String name, String value) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": expected a number, got '" + value + "'");
        }
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new UsageException(name + ": expected a finite non-negative number, got " + value);
        }
        return d;
    }

    private static DType dtype(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "float64", "f64", "double" -> DType.FLOAT64;
            case "float32", "f32", "float" -> DType.FLOAT32;
            default -> throw new UsageException("--dtype: expected float64 or float32, got '" + value + "'");
        };
    }

    /** Copies these options with changes; records are immutable, so parsing threads a builder through. */
    private MamlSineOptions with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        int innerSteps;
        int tasks;
        int iterations;
        int threads;
        long seed;
        DType dtype;
        boolean firstOrder;
        int support;
        int query;
        int hidden;
        double innerLr;
        double outerLr;
        int evalEvery;
        int evalTasks;
        Path plot;

        Builder(MamlSineOptions o) {
            innerSteps = o.innerSteps;
            tasks = o.tasks;
            iterations = o.iterations;
            threads = o.threads;
            seed = o.seed;
            dtype = o.dtype;
            firstOrder = o.firstOrder;
            support = o.support;
            query = o.query;
            hidden = o.hidden;
            innerLr = o.innerLr;
            outerLr = o.outerLr;
            evalEvery = o.evalEvery;
            evalTasks = o.evalTasks;
            plot = o.plot;
        }

        MamlSineOptions build() {
            return new MamlSineOptions(innerSteps, tasks, iterations, threads, seed, dtype, firstOrder, support, query,
                    hidden, innerLr, outerLr, evalEvery, evalTasks, plot);
        }
    }
}
