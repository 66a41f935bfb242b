package dev.metagrad.examples.hyper;

import dev.metagrad.examples.cli.CommandLine;
import dev.metagrad.examples.cli.UsageException;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The options of the hyper-parameter commands ({@code ridge-hyper}, {@code logistic-hyper}).
 *
 * @param steps              outer Adam steps
 * @param lr                 outer Adam learning rate
 * @param seed               seed of the train/validation/test split
 * @param initLogPenalty     the starting log-penalty {@code l_j} of every feature
 * @param validationFraction share of the rows used for validation
 * @param testFraction       share of the rows held out for the test
 * @param folds              1 for one train/validation split; K ≥ 2 for K-fold cross-validation of the rows
 *                           that are not test rows (then {@code validationFraction} is unused)
 * @param plot               where the PNG goes
 */
public record HyperOptions(int steps, double lr, long seed, double initLogPenalty, double validationFraction,
                           double testFraction, int folds, Path plot) {
    private static final Set<String> VALUED = Set.of("--steps", "--lr", "--seed", "--init-log-penalty",
            "--validation-fraction", "--test-fraction", "--folds", "--plot");

    /** The option lines of the usage text. */
    static String optionsHelp(HyperOptions defaults) {
        return String.join(System.lineSeparator(),
                "  --steps N                 outer Adam steps (default " + defaults.steps() + ")",
                "  --lr X                    outer Adam learning rate on the log-penalties (default " + defaults.lr() + ")",
                "  --seed N                  seed of the train/validation/test split (default " + defaults.seed() + ")",
                "  --init-log-penalty X      starting log-penalty l_j of every feature (default " + defaults.initLogPenalty()
                        + ", penalty exp(l_j))",
                "  --validation-fraction X   share of the rows for validation (default " + defaults.validationFraction() + ")",
                "  --test-fraction X         share of the rows held out for the test (default " + defaults.testFraction() + ")",
                "  --folds K                 validate by K-fold cross-validation of the non-test rows (default "
                        + defaults.folds() + "; 1 = one split by --validation-fraction)",
                "  --plot PATH               PNG of the loss curve and the learned penalties (default " + defaults.plot() + ")",
                "  -h, --help                show this help");
    }

    /**
     * Parses options over {@code defaults}.
     *
     * @throws UsageException for an unknown option, a malformed value, a value out of range, or fractions that
     *                        leave no training rows
     */
    public static HyperOptions parse(List<String> args, HyperOptions defaults) {
        CommandLine c = CommandLine.parse(args, VALUED, Set.of());
        double vf = c.real("--validation-fraction", defaults.validationFraction(), 0.0, 1.0);
        double tf = c.real("--test-fraction", defaults.testFraction(), 0.0, 1.0);
        if (!(vf > 0 && tf > 0 && vf + tf < 1)) {
            throw new UsageException("--validation-fraction and --test-fraction must be positive with a sum below 1, got "
                    + vf + " and " + tf);
        }
        return new HyperOptions(c.integer("--steps", defaults.steps(), 1), c.positive("--lr", defaults.lr()),
                c.longInteger("--seed", defaults.seed()),
                c.real("--init-log-penalty", defaults.initLogPenalty(), -30, 30), vf, tf,
                c.integer("--folds", defaults.folds(), 1), c.path("--plot", defaults.plot()));
    }
}
