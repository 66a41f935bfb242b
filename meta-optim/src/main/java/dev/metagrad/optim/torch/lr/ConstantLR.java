package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.ConstantLR}: multiplies the lr by {@code factor} until epoch
 * {@code total_iters}, then restores it.
 *
 * <p>Chainable form, with e = {@code last_epoch}: {@code lr·factor} when {@code e == 0}; {@code lr} when
 * {@code e != total_iters}; else {@code lr·(1/factor)}, which undoes the factor on top of whatever other
 * schedulers did in between. Closed form: {@code base·(factor + (e >= total_iters)·(1 − factor))}.
 */
public final class ConstantLR extends LRScheduler {
    private double factor;
    private int totalIters;

    /** {@code ConstantLR(optimizer)} with {@code factor = 1/3}, {@code total_iters = 5}. */
    public ConstantLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 5);
    }

    /**
     * {@code ConstantLR(optimizer, factor, total_iters)}.
     *
     * @throws IllegalArgumentException when {@code factor} is outside [0, 1] (torch's message) or
     *                                  {@code totalIters < 0}
     */
    public ConstantLR(Optimizer optimizer, double factor, int totalIters) {
        super(optimizer);
        if (factor > 1.0 || factor < 0 || Double.isNaN(factor)) {
            throw new IllegalArgumentException("Constant multiplicative factor expected to be between 0 and 1.");
        }
        if (totalIters < 0) {
            throw new IllegalArgumentException("ConstantLR: total_iters must be >= 0, got " + totalIters);
        }
        this.factor = factor;
        this.totalIters = totalIters;
        initialize();
    }

    @Override
    protected double[] getLr() {
        int e = lastEpoch();
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            double lr = currentLr(i);
            if (e == 0) {
                out[i] = lr * factor;
            } else if (e != totalIters) {
                out[i] = lr;
            } else {
                out[i] = lr * (1.0 / factor);
            }
        }
        return out;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[baseLrCount()];
        double reached = lastEpoch() >= totalIters ? 1 : 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * (factor + reached * (1 - factor));
        }
        return out;
    }

    @Override
    void putAttributes(Map<String, Object> state) {
        state.put("factor", factor);
        state.put("total_iters", (long) totalIters);
    }

    @Override
    void readAttributes(StateReader r) {
        r.readDouble("factor", v -> factor = v);
        r.readInt("total_iters", 0, v -> totalIters = v);
    }
}
