package dev.metagrad.examples.imaml;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.cli.CommandLine;
import dev.metagrad.examples.cli.UsageException;
import dev.metagrad.examples.maml.MamlPlot;
import dev.metagrad.examples.maml.MetaGradient;
import dev.metagrad.examples.maml.OuterOptimizer;
import dev.metagrad.examples.maml.OuterOptimizers;
import dev.metagrad.examples.maml.Progress;
import dev.metagrad.examples.maml.SineModel;
import dev.metagrad.examples.maml.SineTask;
import dev.metagrad.examples.maml.SineTaskSampler;
import dev.metagrad.examples.maml.Timings;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code metagrad imaml-sine}: trains implicit MAML on sinusoid regression and reports as it goes. stdout gets
 * the configuration, a meta-test line every {@code --eval-every} iterations (held-out query MSE before and
 * after adaptation, and how the backward CG solves went), where the plot went, and last, exactly
 * {@code median ms per meta-iteration: X}; stderr gets the progress.
 *
 * <p>Seeds as in {@code maml-sine}: initial weights from {@code Generator(seed)}, training tasks from
 * {@code Generator(seed + 1)}, the held-out tasks (drawn once) from {@code Generator(seed + 2)}.
 */
public final class ImamlSineCommand {
    /** Exit status for a usage error. */
    public static final int USAGE = 2;
    private static final int PLOTTED_TASKS = 3;

    private ImamlSineCommand() {
    }

    /**
     * Runs the command with the arguments after its name.
     *
     * @return 0 on success, 1 when training diverges or the plot cannot be written, {@link #USAGE} for a bad
     *         command line
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> argList = List.of(args);
        if (CommandLine.wantsHelp(argList)) {
            out.println(ImamlSineOptions.USAGE);
            return 0;
        }
        ImamlSineOptions o;
        try {
            o = ImamlSineOptions.parse(argList);
        } catch (UsageException e) {
            err.println("imaml-sine: " + e.getMessage());
            err.println(ImamlSineOptions.USAGE);
            return USAGE;
        }
        return train(o, out, err, new Progress(err, Progress.stderrIsTerminal(), o.iterations()));
    }

    /** Trains with parsed options. */
    static int train(ImamlSineOptions o, PrintStream out, PrintStream err, Progress progress) {
        ImamlConfig c = o.config();
        out.println(String.format(Locale.ROOT, "imaml-sine: implicit MAML, K=%d inner steps (lr %s), lambda=%s, "
                        + "%d %s steps, tasks=%d, support=%d, query=%d, hidden=%d, outer Adam lr=%s, iterations=%d, seed=%d",
                c.innerSteps(), c.innerLr(), c.lambda(), c.solverSteps(), c.solver().cliName(), o.tasks(), o.support(), o.query(), o.hidden(),
                o.outerLr(), o.iterations(), o.seed()));
        List<Tensor> theta = SineModel.init(new Generator(o.seed()), DType.FLOAT64, 1, o.hidden(), o.hidden(), 1);
        SineTaskSampler train = new SineTaskSampler(new Generator(o.seed() + 1), o.support(), o.query(), DType.FLOAT64);
        List<SineTask> heldOut = new SineTaskSampler(new Generator(o.seed() + 2), o.support(), o.query(), DType.FLOAT64)
                .batch(o.evalTasks());
        ImamlLearner learner = new ImamlLearner(c);
        OuterOptimizer adam = OuterOptimizers.adam(o.outerLr(), 0.9, 0.999, 1e-8);
        double[] metaLosses = new double[o.iterations()];
        double[] ms = new double[o.iterations()];
        List<Integer> testAt = new ArrayList<>();
        List<Double> testLosses = new ArrayList<>();
        double[] first = learner.evaluate(theta, heldOut);
        out.println(String.format(Locale.ROOT, "iteration 0: meta-test query MSE before adaptation %.5f, after %.5f "
                + "(%d held-out tasks)", first[0], first[1], heldOut.size()));
        for (int i = 0; i < o.iterations(); i++) {
            List<SineTask> batch = train.batch(o.tasks());
            long t0 = System.nanoTime();
            MetaGradient g;
            try {
                g = learner.metaGradient(theta, batch);
            } catch (ArithmeticException | IllegalArgumentException e) {
                // the solvers refuse non-finite input: the inner loop or a backward solve blew up
                progress.finish();
                err.println("imaml-sine: training failed at iteration " + (i + 1) + ": " + e.getMessage()
                        + "; try a smaller --inner-lr or --outer-lr, a larger --lambda, or --solver normal-cg");
                return 1;
            }
            theta = adam.step(theta, g.grads());
            ms[i] = (System.nanoTime() - t0) / 1e6;
            metaLosses[i] = g.metaLoss();
            if (!Double.isFinite(g.metaLoss())) {
                progress.finish();
                err.println("imaml-sine: the meta-loss became " + g.metaLoss() + " at iteration " + (i + 1)
                        + "; try a smaller --inner-lr or --outer-lr, or a larger --lambda");
                return 1;
            }
            progress.update(i + 1, g.metaLoss(), ms[i]);
            if ((i + 1) % o.evalEvery() == 0 || i + 1 == o.iterations()) {
                double[] cg = learner.adaptation().takeSolveStatistics();
                double[] test = learner.evaluate(theta, heldOut);
                testAt.add(i + 1);
                testLosses.add(test[1]);
                progress.finish();
                out.println(String.format(Locale.ROOT, "iteration %d: meta-test query MSE before adaptation %.5f, after "
                        + "%.5f; backward solve %.1f iterations, residual norm %.2g (mean of %d solves)", i + 1, test[0], test[1],
                        cg[1], cg[2], (long) cg[0]));
                out.flush();
            }
        }
        progress.finish();
        try {
            MamlPlot.write(o.plot(), curves(learner, theta, heldOut), metaLosses,
                    testAt.stream().mapToInt(Integer::intValue).toArray(),
                    testLosses.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IOException | RuntimeException e) {
            err.println("imaml-sine: cannot write the plot " + o.plot() + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + o.plot());
        out.println(String.format(Locale.ROOT, "median ms per meta-iteration: %.2f", Timings.medianAfterWarmup(ms)));
        out.flush();
        return 0;
    }

    private static List<MamlPlot.Curve> curves(ImamlLearner learner, List<Tensor> theta, List<SineTask> tasks) {
        List<MamlPlot.Curve> curves = new ArrayList<>();
        for (SineTask task : tasks.subList(0, Math.min(PLOTTED_TASKS, tasks.size()))) {
            List<Tensor> adapted = learner.adaptDetached(theta, task).adapted();
            curves.add(new MamlPlot.Curve(task, x -> {
                try (GradMode.Scope scope = GradMode.noGrad()) {
                    return SineModel.forward(adapted, Tensor.of(new double[] {x}, DType.FLOAT64, 1, 1)).item();
                }
            }));
        }
        return curves;
    }
}
