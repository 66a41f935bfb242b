package dev.metagrad.examples.maml;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code metagrad maml-sine}: trains MAML on sinusoid regression and reports as it goes. stdout gets the
 * configuration, a meta-test line every {@code --eval-every} iterations, where the plot went, and last,
 * exactly {@code median ms per meta-iteration: X}; stderr gets the progress.
 *
 * <p>Seeds: the initial weights come from {@code Generator(seed)}, the training tasks from
 * {@code Generator(seed + 1)} and the held-out meta-test tasks (drawn once, so the test curve compares
 * like with like) from {@code Generator(seed + 2)}.
 */
public final class MamlSineCommand {
    /** Exit status for a usage error. */
    public static final int USAGE = 2;
    /** Tasks drawn in the plot's left panel. */
    static final int PLOTTED_TASKS = 3;

    private MamlSineCommand() {
    }

    /**
     * Runs the command with the arguments after its name.
     *
     * @return 0 on success, 1 when training diverges or the plot cannot be written, {@link #USAGE} for a bad command line
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> argList = List.of(args);
        if (argList.contains("-h") || argList.contains("--help")) {
            out.println(MamlSineOptions.USAGE);
            return 0;
        }
        MamlSineOptions o;
        try {
            o = MamlSineOptions.parse(argList);
        } catch (MamlSineOptions.UsageException e) {
            err.println("maml-sine: " + e.getMessage());
            err.println(MamlSineOptions.USAGE);
            return USAGE;
        }
        return train(o, out, err, new Progress(err, Progress.stderrIsTerminal(), o.iterations()));
    }

    /** Trains with parsed options. */
    static int train(MamlSineOptions o, PrintStream out, PrintStream err, Progress progress) {
        out.println(String.format(Locale.ROOT, "maml-sine: %s MAML, K=%d, tasks=%d, support=%d, query=%d, hidden=%d, "
                        + "inner lr=%s, outer Adam lr=%s, %s, threads=%d, iterations=%d, seed=%d",
                o.firstOrder() ? "first-order" : "second-order", o.innerSteps(), o.tasks(), o.support(), o.query(),
                o.hidden(), o.innerLr(), o.outerLr(), o.dtype(), o.threads(), o.iterations(), o.seed()));
        List<Tensor> theta0 = SineModel.init(new Generator(o.seed()), o.dtype(), 1, o.hidden(), o.hidden(), 1);
        SineTaskSampler train = new SineTaskSampler(new Generator(o.seed() + 1), o.support(), o.query(), o.dtype());
        List<SineTask> heldOut = new SineTaskSampler(new Generator(o.seed() + 2), o.support(), o.query(), o.dtype())
                .batch(o.evalTasks());
        double[] metaLosses = new double[o.iterations()];
        double[] ms = new double[o.iterations()];
        List<Integer> testAt = new ArrayList<>();
        List<Double> testLosses = new ArrayList<>();
        MamlConfig config = new MamlConfig(o.innerSteps(), o.innerLr(), o.firstOrder());
        try (MetaLearner learner = new MetaLearner(config, o.threads())) {
            MetaTrainer trainer = new MetaTrainer(learner, OuterOptimizers.adam(o.outerLr(), 0.9, 0.999, 1e-8), theta0);
            for (int i = 0; i < o.iterations(); i++) {
                List<SineTask> batch = train.batch(o.tasks());
                // time the meta-iteration only, as the PyTorch baseline does (task sampling excluded)
                long t0 = System.nanoTime();
                MetaGradient g = trainer.step(batch);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                metaLosses[i] = g.metaLoss();
                if (!Double.isFinite(g.metaLoss())) {
                    progress.finish();
                    err.println("maml-sine: the meta-loss became " + g.metaLoss() + " at iteration " + (i + 1)
                            + "; try a smaller --outer-lr or --inner-lr");
                    return 1;
                }
                progress.update(i + 1, g.metaLoss(), ms[i]);
                if ((i + 1) % o.evalEvery() == 0 || i + 1 == o.iterations()) {
                    double test = mean(learner.evaluate(trainer.theta(), heldOut));
                    testAt.add(i + 1);
                    testLosses.add(test);
                    progress.finish();
                    out.println(String.format(Locale.ROOT, "iteration %d: meta-test loss %.5f (%d held-out tasks, %d-step adaptation)",
                            i + 1, test, heldOut.size(), o.innerSteps()));
                    out.flush();
                }
            }
            progress.finish();
            try {
                MamlPlot.write(o.plot(), curves(learner, trainer.theta(), heldOut), metaLosses,
                        testAt.stream().mapToInt(Integer::intValue).toArray(),
                        testLosses.stream().mapToDouble(Double::doubleValue).toArray());
            } catch (IOException | RuntimeException e) {
                err.println("maml-sine: cannot write the plot " + o.plot() + ": " + e.getMessage());
                return 1;
            }
        }
        out.println("wrote " + o.plot());
        out.println(String.format(Locale.ROOT, "median ms per meta-iteration: %.2f", Timings.medianAfterWarmup(ms)));
        out.flush();
        return 0;
    }

    private static List<MamlPlot.Curve> curves(MetaLearner learner, List<Tensor> theta, List<SineTask> tasks) {
        List<MamlPlot.Curve> curves = new ArrayList<>();
        for (SineTask task : tasks.subList(0, Math.min(PLOTTED_TASKS, tasks.size()))) {
            List<Tensor> adapted = learner.adaptDetached(theta, task).adapted();
            curves.add(new MamlPlot.Curve(task, x -> {
                try (GradMode.Scope scope = GradMode.noGrad()) {
                    Tensor in = Tensor.of(new double[] {x}, adapted.get(0).dtype(), 1, 1);
                    return SineModel.forward(adapted, in).item();
                }
            }));
        }
        return curves;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).sum() / v.length;
    }
}
