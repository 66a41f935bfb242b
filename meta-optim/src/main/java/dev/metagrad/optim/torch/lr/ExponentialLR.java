package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.ExponentialLR}: multiplies the lr by {@code gamma} every epoch.
 *
 * <p>Chainable form: {@code lr} in the initial step, else {@code lr·gamma}. Closed form:
 * {@code base·gamma^e} with e = {@code last_epoch}.
 */
public final class ExponentialLR extends LRScheduler {
    private double gamma;

    /** {@code ExponentialLR(optimizer, gamma)}. */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
        initialize();
    }

    @Override
    protected double[] getLr() {
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = isInitial() ? currentLr(i) : currentLr(i) * gamma;
        }
        return out;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[baseLrCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * Math.pow(gamma, lastEpoch());
        }
        return out;
    }

    @Override
    void putAttributes(Map<String, Object> state) {
        state.put("gamma", gamma);
    }

    @Override
    void readAttributes(StateReader r) {
        r.readDouble("gamma", v -> gamma = v);
    }
}
