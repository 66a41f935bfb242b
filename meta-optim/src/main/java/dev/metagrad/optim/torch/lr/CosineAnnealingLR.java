package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR}: anneals the lr from its base value to
 * {@code eta_min} along half a cosine over {@code T_max} epochs.
 *
 * <p>Chainable form, with e = {@code last_epoch}, T = T_max, m = eta_min:
 * <ul>
 *   <li>initial step: {@code lr};</li>
 *   <li>{@code step_count == 1 and e > 0}: the closed form;</li>
 *   <li>{@code (e − 1 − T) mod 2T == 0}: {@code lr + (base − m)·(1 − cos(π/T))/2};</li>
 *   <li>else {@code (1 + cos(πe/T)) / (1 + cos(π(e − 1)/T))·(lr − m) + m}.</li>
 * </ul>
 * Past {@code T_max} the recursion keeps going: the lr climbs back to base at {@code 2·T_max} and
 * oscillates, as in torch. Closed form: {@code m + (base − m)·(1 + cos(πe/T))/2}.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private int tMax;
    private double etaMin;

    /** {@code CosineAnnealingLR(optimizer, T_max)} with {@code eta_min = 0}. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    /**
     * {@code CosineAnnealingLR(optimizer, T_max, eta_min)}.
     *
     * @throws IllegalArgumentException when {@code tMax < 1} (torch would divide by zero)
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        if (tMax < 1) {
            throw new IllegalArgumentException("CosineAnnealingLR: T_max must be a positive integer, got " + tMax);
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialize();
    }

    @Override
    protected double[] getLr() {
        int e = lastEpoch();
        if (isInitial()) {
            double[] out = new double[groupCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = currentLr(i);
            }
            return out;
        }
        if (stepCount() == 1 && e > 0) {
            double[] out = new double[Math.min(baseLrCount(), groupCount())];
            for (int i = 0; i < out.length; i++) {
                out[i] = etaMin + (baseLr(i) - etaMin) * (1 + Math.cos(e * Math.PI / tMax)) / 2;
            }
            return out;
        }
        if (Math.floorMod(e - 1 - tMax, 2 * tMax) == 0) {
            double[] out = new double[Math.min(baseLrCount(), groupCount())];
            for (int i = 0; i < out.length; i++) {
                out[i] = currentLr(i) + (baseLr(i) - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            }
            return out;
        }
        double[] out = new double[groupCount()];
        double ratio = (1 + Math.cos(Math.PI * e / tMax)) / (1 + Math.cos(Math.PI * (e - 1) / tMax));
        for (int i = 0; i < out.length; i++) {
            out[i] = ratio * (currentLr(i) - etaMin) + etaMin;
        }
        return out;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[baseLrCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = etaMin + (baseLr(i) - etaMin) * (1 + Math.cos(Math.PI * lastEpoch() / tMax)) / 2;
        }
        return out;
    }

    @Override
    void putAttributes(Map<String, Object> state) {
        state.put("T_max", (long) tMax);
        state.put("eta_min", etaMin);
    }

    @Override
    void readAttributes(StateReader r) {
        r.readInt("T_max", 1, v -> tMax = v);
        r.readDouble("eta_min", v -> etaMin = v);
    }
}
