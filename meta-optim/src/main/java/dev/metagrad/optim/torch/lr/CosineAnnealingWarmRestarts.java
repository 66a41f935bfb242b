package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts} (SGDR): cosine annealing from the base lr to
 * {@code eta_min} over T_i epochs, then a restart with {@code T_i ·= T_mult}.
 *
 * <p>State T_i (starts at T_0) and T_cur. The initial step sets {@code T_cur = 0}, {@code last_epoch = 0};
 * each {@link #step()}: {@code last_epoch += 1; T_cur += 1}; if {@code T_cur >= T_i}:
 * {@code T_cur = T_cur mod T_i; T_i = T_i·T_mult}. Then
 * {@code lr = eta_min + (base − eta_min)·(1 + cos(π·T_cur/T_i))/2}.
 *
 * <p>As in torch, this class has its own {@code step}: it neither counts {@code _step_count} nor warns
 * about the call order. Fractional {@code step(epoch)} calls are not offered.
 */
public final class CosineAnnealingWarmRestarts extends LRScheduler {
    private int t0;
    private int tI;
    private int tMult;
    private double etaMin;
    private int tCur;

    /** {@code CosineAnnealingWarmRestarts(optimizer, T_0)} with {@code T_mult = 1}, {@code eta_min = 0}. */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0) {
        this(optimizer, t0, 1, 0.0);
    }

    /**
     * {@code CosineAnnealingWarmRestarts(optimizer, T_0, T_mult, eta_min)}.
     *
     * @throws IllegalArgumentException when {@code t0 <= 0} or {@code tMult < 1} (torch's messages)
     */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult, double etaMin) {
        super(optimizer);
        if (t0 <= 0) {
            throw new IllegalArgumentException("Expected positive integer T_0, but got " + t0);
        }
        if (tMult < 1) {
            throw new IllegalArgumentException("Expected integer T_mult >= 1, but got " + tMult);
        }
        this.t0 = t0;
        this.tI = t0;
        this.tMult = tMult;
        this.etaMin = etaMin;
        this.tCur = -1;
        initialize();
    }

    /**
     * Advances T_cur (restarting when a period is complete) and sets every group's lr from the cosine.
     *
     * @throws ArithmeticException when T_i would overflow an int; nothing changed then
     */
    @Override
    public void step() {
        int savedEpoch = lastEpoch();
        int savedCur = tCur;
        int savedI = tI;
        try {
            if (lastEpoch() < 0) {
                tI = t0;
                tCur = 0;
                setLastEpoch(0);
            } else {
                tCur = tCur + 1;
                if (tCur >= tI) {
                    tCur = tCur % tI;
                    tI = Math.multiplyExact(tI, tMult);
                }
                setLastEpoch(savedEpoch + 1);
            }
            writeValues(false);
        } catch (RuntimeException e) {
            setLastEpoch(savedEpoch);
            tCur = savedCur;
            tI = savedI;
            throw e;
        }
    }

    @Override
    protected double[] getLr() {
        double[] out = new double[baseLrCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = etaMin + (baseLr(i) - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
        }
        return out;
    }

    @Override
    void putAttributes(Map<String, Object> state) {
        state.put("T_0", (long) t0);
        state.put("T_i", (long) tI);
        state.put("T_mult", (long) tMult);
        state.put("eta_min", etaMin);
        state.put("T_cur", (long) tCur);
    }

    @Override
    void readAttributes(StateReader r) {
        r.readInt("T_0", 1, v -> t0 = v);
        r.readInt("T_i", 1, v -> tI = v);
        r.readInt("T_mult", 1, v -> tMult = v);
        r.readDouble("eta_min", v -> etaMin = v);
        r.readInt("T_cur", -1, v -> tCur = v);
    }
}
