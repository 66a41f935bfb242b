package dev.metagrad.benchmarks;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Per-op overhead of the autograd stack: a chain of {@value #OPS} tiny element-wise ops, forward and
 * backward, the same workload as the PyTorch baseline {@code shared/bench/tiny_ops_torch.py}:
 * <pre>{@code
 * y = x
 * repeat OPS / 4 times:  y = tanh(y * 0.9 + 0.1) * 1.01     // mul, add, tanh, mul
 * y.sum().backward()
 * }</pre>
 * The score is the time of the whole forward + backward divided by {@value #OPS} (µs per op), which is
 * how the Python script reports it, so the two figures compare directly. With 1 or 40 float64 elements
 * the arithmetic is negligible and the score is what the engine, the graph recording and the
 * allocation of every intermediate tensor cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(TinyOpsBenchmark.OPS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TinyOpsBenchmark {
    /** Ops in one chain, as the baseline's default {@code --ops 2000}. */
    static final int OPS = 2000;

    /** Number of float64 elements in every tensor of the chain. */
    @Param({"1", "40"})
    public int size;

    private Tensor x;

    /** Creates the leaf, a standard normal vector like the baseline's {@code torch.randn}. */
    @Setup
    public void setup() {
        x = Tensor.randn(new Generator(42), size).requiresGrad(true);
    }

    /**
     * One forward chain of {@value #OPS} ops and its backward pass.
     *
     * @return the leaf's gradient, so the work cannot be eliminated
     */
    @Benchmark
    public Tensor forwardBackward() {
        // torch accumulates into x.grad across repetitions; clearing it keeps every invocation identical
        // (the one extra add torch does per repetition is 1/2000 of the work either way)
        x.setGrad(null);
        Tensor y = x;
        for (int i = 0; i < OPS / 4; i++) {
            y = y.mul(0.9).add(0.1).tanh().mul(1.01);
        }
        y.sum().backward();
        return x.grad();
    }
}
