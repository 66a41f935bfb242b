package dev.metagrad.benchmarks;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.hyper.HyperTrainer;
import dev.metagrad.examples.hyper.SyntheticRidge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One implicit hypergradient of per-feature ridge regression, n = 200 training and 200 validation rows,
 * d = 20 features: {@code dL_val(w*(l))/dl} with the inner solve by CG inside
 * {@link dev.metagrad.implicit.Implicit#customRoot} and the backward {@code (∂F/∂w)ᵀ u = −ḡ} by CG over VJPs
 * of the optimality function (both to a relative residual of 1e-10), exactly
 * {@code ./metagrad ridge-hyper}'s hypergradient ({@link HyperTrainer#hypergradient}) on the problem of
 * {@code benchmarks/python/implicit_ridge_torch.py} ({@link SyntheticRidge}, same numbers). The anchor,
 * TorchOpt's {@code custom_root} + CG on this problem, takes 1.9–3.4 ms per hypergradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ImplicitRidgeBenchmark {
    /** Training (and validation) rows. */
    @Param({"200"})
    public int n;

    /** Features. */
    @Param({"20"})
    public int d;

    private SyntheticRidge ridge;

    /** Draws the problem. */
    @Setup
    public void setup() {
        ridge = SyntheticRidge.generate(n, d, 42);
    }

    /**
     * One hypergradient: inner CG solve, validation loss, backward CG solve.
     *
     * @return the hypergradient, so the work cannot be eliminated
     */
    @Benchmark
    public Tensor hypergradient() {
        return HyperTrainer.hypergradient(ridge.problem(), ridge.logPenalties()).gradient();
    }
}
