package dev.metagrad.examples.maml;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress on stderr: on a terminal one line redrawn in place ({@code \r}) as a bar; elsewhere
 * (a log file, a test) a plain line every tenth of the run, since carriage returns make logs unreadable.
 */
public final class Progress {
    private static final int BAR = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final int total;
    private final int every;
    private final String unit;
    private final String metric;
    private boolean drawn;

    /**
     * A reporter.
     *
     * @param err      where to draw
     * @param terminal whether {@code err} is a terminal
     * @param total    the number of iterations
     */
    public Progress(PrintStream err, boolean terminal, int total) {
        this(err, terminal, total, "iteration", "meta-loss");
    }

    /**
     * A reporter with its own words: plain lines read {@code UNIT done/total METRIC value (ms)}.
     *
     * @param err      where to draw
     * @param terminal whether {@code err} is a terminal
     * @param total    the number of iterations
     * @param unit     what an iteration is called ({@code "step"})
     * @param metric   what the reported value is ({@code "validation MSE"})
     */
    public Progress(PrintStream err, boolean terminal, int total, String unit, String metric) {
        this.unit = unit;
        this.metric = metric;
        this.err = err;
        this.terminal = terminal;
        this.total = total;
        this.every = Math.max(1, total / 10);
    }

    /**
     * Whether the process's stderr is a terminal. The launcher knows ({@code [ -t 2 ]}) and says so in
     * {@code METAGRAD_STDERR_TTY}; without it, the JVM's console (stdin and stdout interactive) is the
     * best guess Java offers.
     */
    public static boolean stderrIsTerminal() {
        String env = System.getenv("METAGRAD_STDERR_TTY");
        if (env != null) {
            return env.equals("1");
        }
        return System.console() != null;
    }

    /**
     * Reports that iteration {@code done} (1-based) finished.
     *
     * @param metaLoss its meta-loss (or whichever metric this reporter shows)
     * @param ms       its duration in milliseconds
     */
    public void update(int done, double metaLoss, double ms) {
        if (terminal) {
            int filled = (int) ((long) BAR * done / total);
            err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d %s %.4f %.1f ms/it ",
                    "#".repeat(filled), ".".repeat(BAR - filled), done, total, metric, metaLoss, ms));
            err.flush();
            drawn = true;
        } else if (done % every == 0 || done == total) {
            err.println(String.format(Locale.ROOT, "%s %d/%d %s %.4f (%.1f ms)", unit, done, total, metric, metaLoss, ms));
        }
    }

    /** Ends the bar's line, so that later output starts on a fresh one. */
    public void finish() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
