package dev.metagrad.nn.testing;

import dev.metagrad.autograd.Tensor;

/** Sample statistics of a tensor's elements, for initialisation tests. */
public record Stats(double mean, double variance, double min, double max) {
    /** The statistics of every element of {@code t} (population variance). */
    public static Stats of(Tensor t) {
        double[] d = t.toDoubleArray();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : d) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / d.length;
        double ss = 0;
        for (double v : d) {
            ss += (v - mean) * (v - mean);
        }
        return new Stats(mean, ss / d.length, min, max);
    }

    /** Standard deviation. */
    public double std() {
        return Math.sqrt(variance);
    }
}
