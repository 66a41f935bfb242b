package dev.metagrad.benchmarks;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.LinearAlgebra;
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
 * Forward throughput of the CPU matrix product for square {@code n x n} operands, in the two layouts
 * that models produce: {@code a.matmul(b)} (both operands row-major, no transpose) and the Linear layer
 * {@code x W^T} ({@link LinearAlgebra#linear} without bias, whose weight is read transposed).
 *
 * <p>JMH reports milliseconds per product; one product is {@code 2 n^3} floating-point operations, so
 * {@code GFLOP/s = 2 n^3 / (ms/op * 1e6)}. {@link Report} does that conversion on a CSV result file.
 * No operand requires grad, so nothing is recorded and the score is the kernel plus one output
 * allocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MatmulBenchmark {
    /** Side of the square operands. */
    @Param({"40", "64", "256", "1024"})
    public int n;

    /** Element type of both operands. */
    @Param({"FLOAT64", "FLOAT32"})
    public DType dtype;

    private Tensor a;
    private Tensor b;

    /** Draws both operands once; their values do not affect the timing. */
    @Setup
    public void setup() {
        Generator rng = new Generator(7);
        a = Tensor.randn(rng, dtype, n, n);
        b = Tensor.randn(rng, dtype, n, n);
    }

    /**
     * {@code a @ b}.
     *
     * @return the product, consumed by JMH
     */
    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }

    /**
     * {@code a b^T}, the Linear layer form with {@code b} as the {@code [out, in]} weight.
     *
     * @return the product, consumed by JMH
     */
    @Benchmark
    public Tensor linear() {
        return LinearAlgebra.linear(a, b, null);
    }
}
