package dev.metagrad.examples.maml;

import java.util.Arrays;

/** The timing summary of a run: the median over the iterations after a warm-up. */
public final class Timings {
    private Timings() {
    }

    /**
     * Iterations to leave out as warm-up (JIT compilation, first allocations): a tenth of the run and at
     * least 5, but always leaving one iteration to time.
     */
    public static int warmup(int iterations) {
        return Math.max(0, Math.min(Math.max(5, iterations / 10), iterations - 1));
    }

    /**
     * The median of {@code ms} after the warm-up.
     *
     * @throws IllegalArgumentException for an empty array
     */
    public static double medianAfterWarmup(double[] ms) {
        if (ms.length == 0) {
            throw new IllegalArgumentException("Timings: no iterations were timed");
        }
        double[] kept = Arrays.copyOfRange(ms, warmup(ms.length), ms.length);
        Arrays.sort(kept);
        int n = kept.length;
        return n % 2 == 1 ? kept[n / 2] : (kept[n / 2 - 1] + kept[n / 2]) / 2;
    }
}
