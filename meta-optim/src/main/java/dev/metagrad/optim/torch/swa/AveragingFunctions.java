package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.PyFloat;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.torch.TensorOps;

import java.util.ArrayList;
import java.util.List;

/**
 * The averaging rules of {@code torch.optim.swa_utils}: equal (SWA) and exponential (EMA) averages, per tensor
 * ({@link AvgFn}) or over a list ({@link MultiAvgFn}). With n the number of values averaged so far, a the
 * average and p the model's value:
 * <table>
 *   <caption>rules</caption>
 *   <tr><th>method</th><th>torch</th><th>new average</th></tr>
 *   <tr><td>{@link #swaAvgFn()}</td><td>{@code get_swa_avg_fn()}</td><td>{@code a + (p - a) / (n + 1)}</td></tr>
 *   <tr><td>{@link #swaMultiAvgFn()}</td><td>{@code get_swa_multi_avg_fn()}</td><td>{@code lerp(a, p, 1 / (n + 1))}</td></tr>
 *   <tr><td>{@link #emaAvgFn(double)}</td><td>{@code get_ema_avg_fn(decay)}</td><td>{@code decay a + (1 - decay) p}</td></tr>
 *   <tr><td>{@link #emaMultiAvgFn(double)}</td><td>{@code get_ema_multi_avg_fn(decay)}</td><td>{@code lerp(a, p, 1 - decay)}</td></tr>
 * </table>
 * where {@code lerp(a, b, w) = a + w (b - a)} for {@code |w| < 0.5} and {@code b - (b - a)(1 - w)} otherwise
 * (torch's two-branch kernel, {@link TensorOps#lerp}; its second branch is exact at weight 1, so an EMA with decay 0
 * returns the snapshot bit for bit). The per-tensor and the list forms give the same average up to rounding.
 */
public final class AveragingFunctions {
    /** torch's default EMA decay. */
    public static final double DEFAULT_DECAY = 0.999;

    private AveragingFunctions() {
    }

    /** The equal average {@code a + (p - a) / (n + 1)} ({@code get_swa_avg_fn()}; torch's default on CPU). */
    public static AvgFn swaAvgFn() {
        return (averaged, current, n) -> averaged.add(current.sub(averaged).div((double) (n + 1)));
    }

    /** The equal average as a lerp, {@code lerp(a, p, 1 / (n + 1))} ({@code get_swa_multi_avg_fn()}). */
    public static MultiAvgFn swaMultiAvgFn() {
        return (averaged, current, n) -> lerpAll(averaged, current, 1.0 / (n + 1));
    }

    /** {@link #emaAvgFn(double)} with torch's default decay 0.999. */
    public static AvgFn emaAvgFn() {
        return emaAvgFn(DEFAULT_DECAY);
    }

    /**
     * The exponential average {@code decay a + (1 - decay) p} ({@code get_ema_avg_fn(decay)}).
     *
     * @throws IllegalArgumentException when decay is outside [0, 1] or NaN
     */
    public static AvgFn emaAvgFn(double decay) {
        checkDecay("emaAvgFn", decay);
        return (averaged, current, n) -> averaged.mul(decay).add(current.mul(1 - decay));
    }

    /** {@link #emaMultiAvgFn(double)} with torch's default decay 0.999. */
    public static MultiAvgFn emaMultiAvgFn() {
        return emaMultiAvgFn(DEFAULT_DECAY);
    }

    /**
     * The exponential average as a lerp, {@code lerp(a, p, 1 - decay)} ({@code get_ema_multi_avg_fn(decay)}):
     * decay 0 follows the model, decay 1 keeps the first value.
     *
     * @throws IllegalArgumentException when decay is outside [0, 1] or NaN
     */
    public static MultiAvgFn emaMultiAvgFn(double decay) {
        checkDecay("emaMultiAvgFn", decay);
        return (averaged, current, n) -> lerpAll(averaged, current, 1 - decay);
    }

    private static List<Tensor> lerpAll(List<Tensor> averaged, List<Tensor> current, double weight) {
        if (averaged.size() != current.size()) {
            throw new IllegalArgumentException("lerp: " + averaged.size() + " averages but " + current.size() + " current tensors");
        }
        List<Tensor> out = new ArrayList<>(averaged.size());
        for (int i = 0; i < averaged.size(); i++) {
            out.add(TensorOps.lerp(averaged.get(i), current.get(i), weight));
        }
        return out;
    }

    private static void checkDecay(String method, double decay) {
        if (!(decay >= 0 && decay <= 1)) {
            throw new IllegalArgumentException(method + ": invalid decay value " + PyFloat.repr(decay)
                    + " provided; please provide a value in [0, 1]");
        }
    }
}
