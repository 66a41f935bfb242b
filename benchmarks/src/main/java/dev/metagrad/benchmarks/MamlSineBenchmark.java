package dev.metagrad.benchmarks;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.maml.MamlConfig;
import dev.metagrad.examples.maml.MamlSineOptions;
import dev.metagrad.examples.maml.MetaGradient;
import dev.metagrad.examples.maml.MetaLearner;
import dev.metagrad.examples.maml.MetaTrainer;
import dev.metagrad.examples.maml.OuterOptimizers;
import dev.metagrad.examples.maml.SineModel;
import dev.metagrad.examples.maml.SineTask;
import dev.metagrad.examples.maml.SineTaskSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One meta-iteration of second-order MAML on sinusoid regression, the workload of
 * {@code metagrad maml-sine} with its defaults (K = 5 inner SGD steps, 25 tasks, 10 support + 10 query
 * points, MLP 1-40-40-1 ReLU, outer Adam), through the same {@link MetaTrainer}/{@link MetaLearner}
 * code the command uses. The score is ms per {@link MetaTrainer#step}, which is what the command's
 * {@code median ms per meta-iteration} line measures (task sampling excluded, as in the PyTorch
 * baseline).
 *
 * <p>The batches are drawn once per trial from the command's seeds and replayed in a cycle, so the
 * timed code is the meta-iteration alone; theta keeps training across invocations, as in the command.
 * {@code threads} is the command's {@code --threads}: the tasks of a batch are spread over that many
 * worker threads (the results are the same bits for any count).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// several forks because JIT decisions (inlining, the matmul loops' vectorisation) differ between JVMs,
// and a long warm-up because a meta-iteration runs thousands of distinct call sites
// the Vector API module as the ./metagrad launcher adds it, so the same matmul kernels are eligible
@Fork(value = 3, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MamlSineBenchmark {
    /** Distinct meta-batches replayed in a cycle: enough that no branch profile sees one batch only. */
    static final int BATCHES = 64;

    /** Element type of parameters and data: {@code float64} or {@code float32}. */
    @Param({"float64", "float32"})
    public String dtype;

    /** Worker threads for the tasks of a meta-batch ({@code --threads}). */
    @Param({"1", "2"})
    public int threads;

    private MetaLearner learner;
    private MetaTrainer trainer;
    private List<List<SineTask>> batches;
    private int next;

    /** Builds the learner, the trainer and the batches exactly as {@code maml-sine} does with its defaults. */
    @Setup(Level.Trial)
    public void setup() {
        // the command's own option parser, so the settings cannot drift from `maml-sine --dtype D --threads N`
        MamlSineOptions o = MamlSineOptions.parse(List.of("--dtype", dtype, "--threads", Integer.toString(threads)));
        DType dt = o.dtype();
        List<Tensor> theta0 = SineModel.init(new Generator(o.seed()), dt, 1, o.hidden(), o.hidden(), 1);
        SineTaskSampler sampler = new SineTaskSampler(new Generator(o.seed() + 1), o.support(), o.query(), dt);
        batches = new ArrayList<>(BATCHES);
        for (int i = 0; i < BATCHES; i++) {
            batches.add(sampler.batch(o.tasks()));
        }
        learner = new MetaLearner(new MamlConfig(o.innerSteps(), o.innerLr(), o.firstOrder()), o.threads());
        trainer = new MetaTrainer(learner, OuterOptimizers.adam(o.outerLr(), 0.9, 0.999, 1e-8), theta0);
        next = 0;
    }

    /** Stops the worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        learner.close();
    }

    /**
     * One meta-iteration: K inner steps and the query loss on every task, the meta-gradient, one Adam step.
     *
     * @return the meta-gradient, so the work cannot be eliminated
     */
    @Benchmark
    public MetaGradient metaIteration() {
        List<SineTask> batch = batches.get(next);
        next = (next + 1) % BATCHES;
        return trainer.step(batch);
    }
}
