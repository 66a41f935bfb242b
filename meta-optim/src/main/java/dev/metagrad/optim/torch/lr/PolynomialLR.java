package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.PolynomialLR}: decays the lr polynomially to 0 over {@code total_iters}
 * epochs.
 *
 * <p>Chainable form, with e = {@code last_epoch}, T = total_iters, p = power: {@code lr} in the initial
 * step or when {@code e > T}; else {@code lr·((1 − e/T)/(1 − (e − 1)/T))^p}. Closed form:
 * {@code base·(1 − min(T, e)/T)^p}.
 */
public final class PolynomialLR extends LRScheduler {
    private int totalIters;
    private double power;

    /** {@code PolynomialLR(optimizer)} with {@code total_iters = 5}, {@code power = 1}. */
    public PolynomialLR(Optimizer optimizer) {
        this(optimizer, 5, 1.0);
    }

    /**
     * {@code PolynomialLR(optimizer, total_iters, power)}.
     *
     * @throws IllegalArgumentException when {@code totalIters < 1}
     */
    public PolynomialLR(Optimizer optimizer, int totalIters, double power) {
        super(optimizer);
        if (totalIters < 1) {
            throw new IllegalArgumentException("PolynomialLR: total_iters must be a positive integer, got " + totalIters);
        }
        this.totalIters = totalIters;
        this.power = power;
        initialize();
    }

    @Override
    protected double[] getLr() {
        int e = lastEpoch();
        double[] out = new double[groupCount()];
        boolean hold = isInitial() || e > totalIters;
        double decay = hold ? 1 : Math.pow((1.0 - (double) e / totalIters) / (1.0 - (double) (e - 1) / totalIters), power);
        for (int i = 0; i < out.length; i++) {
            out[i] = hold ? currentLr(i) : currentLr(i) * decay;
        }
        return out;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[baseLrCount()];
        double f = Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch()) / totalIters, power);
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * f;
        }
        return out;
    }

    @Override
    void putAttributes(Map<String, Object> state) {
        state.put("total_iters", (long) totalIters);
        state.put("power", power);
    }

    @Override
    void readAttributes(StateReader r) {
        r.readInt("total_iters", 1, v -> totalIters = v);
        r.readDouble("power", v -> power = v);
    }
}
