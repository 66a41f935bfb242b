package dev.metagrad.examples.maml;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws sinusoid tasks as in Finn et al. (2017): amplitude in U[0.1, 5), phase in U[0, pi), inputs in
 * U[-5, 5), targets {@code amplitude * sin(x - phase)}. A meta-batch draws, in this order, all amplitudes,
 * all phases, all support inputs, then all query inputs (the order of FORMAT-maml.md M.7), so a batch
 * depends only on the generator's seed and the batches drawn before it.
 */
public final class SineTaskSampler {
    /** Smallest amplitude. */
    public static final double MIN_AMPLITUDE = 0.1;
    /** Largest amplitude (exclusive). */
    public static final double MAX_AMPLITUDE = 5.0;
    /** Largest phase (exclusive); the smallest is 0. */
    public static final double MAX_PHASE = Math.PI;
    /** Smallest input. */
    public static final double MIN_X = -5.0;
    /** Largest input (exclusive). */
    public static final double MAX_X = 5.0;

    private final Generator rng;
    private final int support;
    private final int query;
    private final DType dtype;

    /**
     * A sampler.
     *
     * @param rng     the random source (owned by the sampler from now on: it is not thread-safe)
     * @param support points per support set
     * @param query   points per query set
     * @param dtype   float64 or float32
     * @throws IllegalArgumentException for a non-positive size or a non-floating dtype
     */
    public SineTaskSampler(Generator rng, int support, int query, DType dtype) {
        if (support <= 0 || query <= 0) {
            throw new IllegalArgumentException("SineTaskSampler: support and query sizes must be positive, got "
                    + support + " and " + query);
        }
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("SineTaskSampler: dtype must be floating point, got " + dtype);
        }
        this.rng = rng;
        this.support = support;
        this.query = query;
        this.dtype = dtype;
    }

    /** A meta-batch of {@code tasks} tasks. */
    public List<SineTask> batch(int tasks) {
        if (tasks <= 0) {
            throw new IllegalArgumentException("SineTaskSampler: a batch needs at least one task, got " + tasks);
        }
        double[] amplitude = uniform(tasks, MIN_AMPLITUDE, MAX_AMPLITUDE);
        double[] phase = uniform(tasks, 0, MAX_PHASE);
        double[] xs = uniform(tasks * support, MIN_X, MAX_X);
        double[] xq = uniform(tasks * query, MIN_X, MAX_X);
        List<SineTask> batch = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            double[] s = slice(xs, t, support);
            double[] q = slice(xq, t, query);
            batch.add(new SineTask(column(s), column(sine(s, amplitude[t], phase[t])),
                    column(q), column(sine(q, amplitude[t], phase[t])), amplitude[t], phase[t]));
        }
        return batch;
    }

    private double[] uniform(int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return v;
    }

    private static double[] slice(double[] all, int task, int n) {
        double[] v = new double[n];
        System.arraycopy(all, task * n, v, 0, n);
        return v;
    }

    private static double[] sine(double[] x, double amplitude, double phase) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = amplitude * Math.sin(x[i] - phase);
        }
        return y;
    }

    private Tensor column(double[] v) {
        return Tensor.of(v, dtype, v.length, 1);
    }
}
