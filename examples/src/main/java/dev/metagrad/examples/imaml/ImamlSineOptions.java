package dev.metagrad.examples.imaml;

import dev.metagrad.examples.cli.CommandLine;
import dev.metagrad.examples.cli.UsageException;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The options of {@code metagrad imaml-sine}.
 *
 * @param config     the iMAML settings (K, inner step size, λ, backward solver and its steps)
 * @param tasks      tasks per meta-batch
 * @param iterations meta-iterations
 * @param seed       seed of the initial weights and of the tasks
 * @param support    support points per task
 * @param query      query points per task
 * @param hidden     hidden width H of the 1-H-H-1 network
 * @param outerLr    outer Adam learning rate
 * @param evalEvery  meta-test every this many iterations (and after the last)
 * @param evalTasks  held-out tasks per meta-test
 * @param plot       where the PNG goes
 */
public record ImamlSineOptions(ImamlConfig config, int tasks, int iterations, long seed, int support, int query,
                               int hidden, double outerLr, int evalEvery, int evalTasks, Path plot) {
    /** The defaults (the command line with no options). */
    public static ImamlSineOptions defaults() {
        return new ImamlSineOptions(new ImamlConfig(20, 0.02, 2.0, 10, BackwardSolver.GMRES), 25, 1000, 0, 10, 10, 40, 1e-3, 100, 100,
                Path.of("imaml-sine.png"));
    }

    /** The usage text. */
    public static final String USAGE;

    static {
        ImamlSineOptions d = defaults();
        USAGE = String.join(System.lineSeparator(),
                "usage: metagrad imaml-sine [OPTIONS]",
                "  Implicit MAML (Rajeswaran et al. 2019) on sinusoid regression: MLP 1-H-H-1 ReLU; per task",
                "  phi* = argmin L_support(phi) + (lambda/2)||phi - theta||^2 by K gradient steps from theta (not",
                "  differentiated); meta-gradient (I + H/lambda)^-1 grad L_query(phi*) by customRoot and a truncated",
                "  linear solve (GMRES by default: H, the support loss's Hessian, is indefinite); outer Adam.",
                "  Prints meta-test query MSE before and after adaptation on held-out tasks, writes a PNG, and ends",
                "  with 'median ms per meta-iteration: X'.",
                "  --K N              inner gradient steps per task (default " + d.config().innerSteps() + ")",
                "  --inner-lr X       inner step size (default " + d.config().innerLr() + ")",
                "  --lambda X         proximal strength lambda (default " + d.config().lambda() + ")",
                "  --solver-steps N   iterations of the backward solve (default " + d.config().solverSteps() + ")",
                "  --solver S         backward solver: cg, normal-cg or gmres (default " + d.config().solver().cliName() + ")",
                "  --tasks N          tasks per meta-batch (default " + d.tasks() + ")",
                "  --iterations N     meta-iterations (default " + d.iterations() + ")",
                "  --seed N           seed of the initial weights and the tasks (default " + d.seed() + ")",
                "  --support N        support points per task (default " + d.support() + ")",
                "  --query N          query points per task (default " + d.query() + ")",
                "  --hidden N         hidden width H (default " + d.hidden() + ")",
                "  --outer-lr X       outer Adam learning rate (default " + d.outerLr() + ")",
                "  --eval-every N     meta-test every N iterations (default " + d.evalEvery() + ")",
                "  --eval-tasks N     held-out tasks per meta-test (default " + d.evalTasks() + ")",
                "  --plot PATH        PNG of adapted curves and the loss curve (default " + d.plot() + ")",
                "  -h, --help         show this help");
    }

    private static final Set<String> VALUED = Set.of("--K", "--inner-lr", "--lambda", "--solver-steps", "--solver", "--tasks",
            "--iterations", "--seed", "--support", "--query", "--hidden", "--outer-lr", "--eval-every", "--eval-tasks",
            "--plot");

    private static BackwardSolver solver(String name) {
        try {
            return BackwardSolver.fromCliName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--solver: " + e.getMessage());
        }
    }

    /**
     * Parses options ({@code --name value} or {@code --name=value}).
     *
     * @throws UsageException for an unknown option, a missing or malformed value, or a value out of range
     */
    public static ImamlSineOptions parse(List<String> args) {
        ImamlSineOptions d = defaults();
        CommandLine c = CommandLine.parse(args, VALUED, Set.of());
        ImamlConfig config = new ImamlConfig(c.integer("--K", d.config().innerSteps(), 1),
                c.positive("--inner-lr", d.config().innerLr()), c.positive("--lambda", d.config().lambda()),
                c.integer("--solver-steps", d.config().solverSteps(), 1), solver(c.string("--solver", d.config().solver().cliName())));
        return new ImamlSineOptions(config, c.integer("--tasks", d.tasks(), 1),
                c.integer("--iterations", d.iterations(), 1), c.longInteger("--seed", d.seed()),
                c.integer("--support", d.support(), 1), c.integer("--query", d.query(), 1),
                c.integer("--hidden", d.hidden(), 1), c.positive("--outer-lr", d.outerLr()),
                c.integer("--eval-every", d.evalEvery(), 1), c.integer("--eval-tasks", d.evalTasks(), 1),
                c.path("--plot", d.plot()));
    }
}
