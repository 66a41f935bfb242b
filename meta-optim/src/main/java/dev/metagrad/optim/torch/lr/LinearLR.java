package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.LinearLR}: scales the lr by a factor that moves linearly from
 * {@code start_factor} to {@code end_factor} over {@code total_iters} epochs.
 *
 * <p>Chainable form, with e = {@code last_epoch}, s = start, f = end, T = total_iters: {@code lr·s} when
 * {@code e == 0}; {@code lr} in the initial step or when {@code e > T}; else
 * {@code lr·(1 + (f − s)/(T·s + (e − 1)·(f − s)))}. Closed form: {@code base·(s + (f − s)·min(T, e)/T)}.
 */
public final class LinearLR extends LRScheduler {
    private double startFactor;
    private double endFactor;
    private int totalIters;

    /** {@code LinearLR(optimizer)} with {@code start_factor = 1/3}, {@code end_factor = 1}, {@code total_iters = 5}. */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    /**
     * {@code LinearLR(optimizer, start_factor, end_factor, total_iters)}.
     *
     * @throws IllegalArgumentException when {@code startFactor} is outside (0, 1] or {@code endFactor} outside
     *                                  [0, 1] (torch's messages), or {@code totalIters < 1}
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        if (startFactor > 1.0 || startFactor <= 0 || Double.isNaN(startFactor)) {
            throw new IllegalArgumentException(
                    "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
        }
        if (endFactor > 1.0 || endFactor < 0 || Double.isNaN(endFactor)) {
            throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        }
        if (totalIters < 1) {
            throw new IllegalArgumentException("LinearLR: total_iters must be a positive integer, got " + totalIters);
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
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
                out[i] = lr * startFactor;
            } else if (isInitial() || e > totalIters) {
                out[i] = lr;
            } else {
                out[i] = lr * (1.0 + (endFactor - startFactor)
                        / (totalIters * startFactor + (e - 1) * (endFactor - startFactor)));
            }
        }
        return out;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[baseLrCount()];
        int reached = Math.min(totalIters, lastEpoch());
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * (startFactor + (endFactor - startFactor) * reached / totalIters);
        }
        return out;
    }

    @Override
    void putAttributes(Map<String, Object> state) {
        state.put("start_factor", startFactor);
        state.put("end_factor", endFactor);
        state.put("total_iters", (long) totalIters);
    }

    @Override
    void readAttributes(StateReader r) {
        r.readDouble("start_factor", v -> startFactor = v);
        r.readDouble("end_factor", v -> endFactor = v);
        r.readInt("total_iters", 1, v -> totalIters = v);
    }
}
