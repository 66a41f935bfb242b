package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.cli.CommandLine;
import dev.metagrad.examples.cli.UsageException;
import dev.metagrad.examples.maml.Progress;
import dev.metagrad.examples.maml.Timings;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A hyper-parameter command ({@code ridge-hyper}, {@code logistic-hyper}): parses {@link HyperOptions},
 * builds the problem, runs {@link HyperTrainer}, and reports. stdout gets the configuration, the scores
 * before and after, the learned penalties, where the plot went, and last, exactly {@code median ms per
 * step: X}; stderr gets the progress.
 *
 * @param name     the subcommand name
 * @param about    the usage text's description lines
 * @param defaults the options with nothing given
 * @param problem  builds the problem from the options
 */
public record HyperCommand(String name, String about, HyperOptions defaults, Function<HyperOptions, HyperProblem> problem) {
    /** Exit status for a usage error. */
    public static final int USAGE = 2;

    /** The usage text. */
    public String usage() {
        return "usage: metagrad " + name + " [OPTIONS]" + System.lineSeparator() + about + System.lineSeparator()
                + HyperOptions.optionsHelp(defaults);
    }

    /**
     * Runs the command with the arguments after its name.
     *
     * @return 0 on success, 1 when training fails or the plot cannot be written, {@link #USAGE} for a bad
     *         command line
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> argList = List.of(args);
        if (CommandLine.wantsHelp(argList)) {
            out.println(usage());
            return 0;
        }
        HyperOptions o;
        try {
            o = HyperOptions.parse(argList, defaults);
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage());
            err.println(usage());
            return USAGE;
        }
        return run(o, out, err, Progress.stderrIsTerminal());
    }

    /** Runs with parsed options. */
    int run(HyperOptions o, PrintStream out, PrintStream err, boolean terminal) {
        HyperProblem p = problem.apply(o);
        int[] sizes = p.splitSizes();
        int d = p.featureNames().size();
        out.println(String.format(Locale.ROOT, "%s: %s, %d per-feature L2 penalties; rows train %d / validation %d / "
                        + "test %d (split seed %d); outer Adam lr %s, %d steps; hypergradient by customRoot + CG",
                name, p.description(), d, sizes[0], sizes[1], sizes[2], o.seed(), o.lr(), o.steps()));
        Tensor l0 = Tensor.full(o.initLogPenalty(), d);
        HyperRun run;
        try {
            run = HyperTrainer.train(p, l0, o.steps(), o.lr(),
                    new Progress(err, terminal, o.steps(), "step", "validation " + p.lossName()));
        } catch (ArithmeticException | IllegalStateException e) {
            err.println(name + ": " + e.getMessage());
            return 1;
        }
        out.println(String.format(Locale.ROOT, "before: %s (every penalty exp(%s) = %.4g)",
                scores(p.lossName(), run.before()), o.initLogPenalty(), Math.exp(o.initLogPenalty())));
        out.println("after:  " + scores(p.lossName(), run.after()));
        out.println("learned penalties exp(l_j):");
        double[] l = run.learned().toDoubleArray();
        int width = p.featureNames().stream().mapToInt(String::length).max().orElse(0);
        for (int j = 0; j < d; j++) {
            out.println(String.format(Locale.ROOT, "  %-" + width + "s  %12.5g   (l = %+.4f)", p.featureNames().get(j),
                    Math.exp(l[j]), l[j]));
        }
        try {
            HyperPlot.write(o.plot(), name + ": " + p.description(), p.lossName(), run, p.featureNames());
        } catch (IOException | RuntimeException e) {
            err.println(name + ": cannot write the plot " + o.plot() + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + o.plot());
        out.println(String.format(Locale.ROOT, "median ms per step: %.3f", Timings.medianAfterWarmup(run.ms())));
        out.flush();
        return 0;
    }

    private static String scores(String lossName, Evaluation e) {
        return "validation " + lossName + " " + score(e.validation()) + ", test " + lossName + " " + score(e.test());
    }

    private static String score(Scores s) {
        OptionalDouble acc = s.accuracy();
        return String.format(Locale.ROOT, "%.6g", s.loss())
                + (acc.isPresent() ? String.format(Locale.ROOT, " (accuracy %.2f%%)", 100 * acc.getAsDouble()) : "");
    }
}
