package dev.metagrad.autograd.testing;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

/**
 * Seeded random float64 leaves for gradient checks. Every helper returns a tensor that requires grad;
 * the variants keep inputs away from the kinks of non-smooth ops.
 */
public final class RandomTensors {
    private final Generator rng;

    /** Random tensors from a generator seeded with {@code seed}. */
    public RandomTensors(long seed) {
        this.rng = new Generator(seed);
    }

    /** Random tensors seeded from a name (each op case gets its own reproducible stream). */
    public static RandomTensors seeded(String name) {
        return new RandomTensors(name.hashCode() * 0x9E3779B97F4A7C15L);
    }

    /** Uniform in [lo, hi), requiring grad. */
    public Tensor range(double lo, double hi, int... shape) {
        double[] d = new double[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return Tensor.of(d, shape).requiresGrad(true);
    }

    /** Uniform in [-1, 1), requiring grad. */
    public Tensor uniform(int... shape) {
        return range(-1, 1, shape);
    }

    /** Values with magnitude in [min, max) and a random sign: away from the kink at 0. */
    public Tensor awayFromZeroIn(double min, double max, int... shape) {
        double[] d = new double[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            double m = min + (max - min) * rng.nextDouble();
            d[i] = rng.nextDouble() < 0.5 ? -m : m;
        }
        return Tensor.of(d, shape).requiresGrad(true);
    }

    /** Magnitude in [0.1, 1.5) with a random sign. */
    public Tensor awayFromZero(int... shape) {
        return awayFromZeroIn(0.1, 1.5, shape);
    }

    /**
     * Pairwise distinct values, at least {@code gap} apart, shuffled, centred on 0: ties (maxima, pooling)
     * cannot occur within the finite-difference step.
     */
    public Tensor distinctWithGap(double gap, int... shape) {
        int n = Shape.numel(shape);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = (i - n / 2.0) * gap + 0.3 * gap * rng.nextDouble();
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = d[i];
            d[i] = d[j];
            d[j] = t;
        }
        return Tensor.of(d, shape).requiresGrad(true);
    }

    /** Distinct values 0.1 apart. */
    public Tensor distinct(int... shape) {
        return distinctWithGap(0.1, shape);
    }

    /** Uniform integers in [0, bound) as an int64 tensor. */
    public Tensor indices(int bound, int... shape) {
        long[] d = new long[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextInt(bound);
        }
        return Tensor.ofLongs(d, shape);
    }

    /** The underlying generator. */
    public Generator generator() {
        return rng;
    }
}
