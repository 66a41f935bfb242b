package dev.metagrad.examples.data;

/**
 * SplitMix64 (Steele, Lea and Flood 2014), a tiny generator with a bit-exact definition in any language:
 * synthetic data drawn from it are the same numbers in Java and in a Python baseline script
 * ({@code benchmarks/python/implicit_ridge_torch.py}), so both time, and can be checked on, one problem.
 */
public final class SplitMix64 {
    private long state;

    /** A generator from a seed. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next double in {@code [0, 1)}: the top 53 bits times 2⁻⁵³. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** {@code n} doubles in {@code [-1, 1)}: {@code 2 u − 1} for each {@link #nextDouble()} {@code u}. */
    public double[] uniform(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2.0 * nextDouble() - 1.0;
        }
        return v;
    }
}
