package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code torch.optim.swa_utils.SWALR}: anneals every group's lr to its {@code swa_lr} over
 * {@code anneal_epochs} steps, then holds it. The constructor stores {@code swa_lr} in every group.
 *
 * <p>With s = {@code step_count − 1} (0 right after construction; {@code s = max(1, s)} when
 * {@code anneal_epochs == 0}), A = max(1, anneal_epochs) and α = the strategy's {@link AnnealStrategy#alpha}:
 * <pre>
 *   prev_α  = α(clamp((s − 1)/A, 0, 1))
 *   prev_lr = swa_lr                          if prev_α == 1
 *             (lr − prev_α·swa_lr)/(1 − prev_α) otherwise      (the lr before annealing, rebuilt from lr)
 *   new lr  = swa_lr·α(clamp(s/A, 0, 1)) + prev_lr·(1 − α(clamp(s/A, 0, 1)))
 * </pre>
 * So the lr is unchanged at construction (except with {@code anneal_epochs = 0}, where it is {@code swa_lr}
 * at once) and reaches {@code swa_lr} at s = anneal_epochs. It has no closed form.
 */
public final class SWALR extends LRScheduler {
    private AnnealStrategy annealStrategy;
    private int annealEpochs;

    /** {@code SWALR(optimizer, swa_lr)} with {@code anneal_epochs = 10}, cosine annealing. */
    public SWALR(Optimizer optimizer, double swaLr) {
        this(optimizer, swaLr, 10, AnnealStrategy.COS);
    }

    /**
     * {@code SWALR(optimizer, swa_lr, anneal_epochs, anneal_strategy)} with one swa_lr for every group.
     *
     * @throws IllegalArgumentException when {@code annealEpochs < 0} (torch's message)
     */
    public SWALR(Optimizer optimizer, double swaLr, int annealEpochs, AnnealStrategy annealStrategy) {
        this(optimizer, PerGroup.of(swaLr, optimizer.paramGroups().size()), annealEpochs, annealStrategy);
    }

    /**
     * {@code SWALR(optimizer, [swa_lr, ...], anneal_epochs, anneal_strategy)} with one swa_lr per group.
     *
     * @throws IllegalArgumentException when the number of swa_lrs is not the number of groups, or
     *                                  {@code annealEpochs < 0} (torch's messages)
     */
    public SWALR(Optimizer optimizer, List<Double> swaLrs, int annealEpochs, AnnealStrategy annealStrategy) {
        this(optimizer, PerGroup.of("swa_lr", swaLrs, optimizer.paramGroups().size()), annealEpochs, annealStrategy);
    }

    private SWALR(Optimizer optimizer, double[] swaLrs, int annealEpochs, AnnealStrategy annealStrategy) {
        super(optimizer);
        this.annealStrategy = AnnealStrategy.require(annealStrategy);
        if (annealEpochs < 0) {
            throw new IllegalArgumentException("anneal_epochs must be equal or greater than 0, got " + annealEpochs);
        }
        this.annealEpochs = annealEpochs;
        for (int i = 0; i < swaLrs.length; i++) {
            stage(i, "swa_lr", swaLrs[i]);
        }
        initialize();
    }

    @Override
    protected double[] getLr() {
        int step = stepCount() - 1;
        if (annealEpochs == 0) {
            step = Math.max(1, step);
        }
        double span = Math.max(1, annealEpochs);
        double prevAlpha = annealStrategy.alpha(clamp01((step - 1) / span));
        double alpha = annealStrategy.alpha(clamp01(step / span));
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            double swaLr = groupDouble(i, "swa_lr");
            double prevLr = prevAlpha == 1 ? swaLr : (currentLr(i) - prevAlpha * swaLr) / (1 - prevAlpha);
            out[i] = swaLr * alpha + prevLr * (1 - alpha);
        }
        return out;
    }

    private static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }

    @Override
    void putAttributes(Map<String, Object> state) {
        state.put("_anneal_strategy", annealStrategy.torchName());
        state.put("anneal_epochs", (long) annealEpochs);
    }

    @Override
    void readAttributes(StateReader r) {
        r.readString("_anneal_strategy", Set.of("cos", "linear"), v -> annealStrategy = AnnealStrategy.parse(v));
        r.readInt("anneal_epochs", 0, v -> annealEpochs = v);
    }
}
