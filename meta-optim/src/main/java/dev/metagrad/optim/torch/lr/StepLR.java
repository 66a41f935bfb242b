package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.StepLR}: multiplies the lr by {@code gamma} every {@code step_size}
 * epochs.
 *
 * <p>Chainable form, with e = {@code last_epoch}: {@code lr} when {@code e == 0} or
 * {@code e % step_size != 0}, else {@code lr·gamma}. Closed form: {@code base·gamma^(e // step_size)}.
 */
public final class StepLR extends LRScheduler {
    private int stepSize;
    private double gamma;

    /** {@code StepLR(optimizer, step_size)} with {@code gamma = 0.1}. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    /**
     * {@code StepLR(optimizer, step_size, gamma)}.
     *
     * @throws IllegalArgumentException when {@code stepSize < 1} (torch would divide by it later)
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize < 1) {
            throw new IllegalArgumentException("StepLR: step_size must be a positive integer, got " + stepSize);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialize();
    }

    @Override
    protected double[] getLr() {
        int e = lastEpoch();
        double[] out = new double[groupCount()];
        boolean decay = e != 0 && Math.floorMod(e, stepSize) == 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = decay ? currentLr(i) * gamma : currentLr(i);
        }
        return out;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[baseLrCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * Math.pow(gamma, Math.floorDiv(lastEpoch(), stepSize));
        }
        return out;
    }

    @Override
    void putAttributes(Map<String, Object> state) {
        state.put("step_size", (long) stepSize);
        state.put("gamma", gamma);
    }

    @Override
    void readAttributes(StateReader r) {
        r.readInt("step_size", 1, v -> stepSize = v);
        r.readDouble("gamma", v -> gamma = v);
    }
}
