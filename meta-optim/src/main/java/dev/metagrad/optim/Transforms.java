package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.transform.AddDecayedWeights;
import dev.metagrad.optim.transform.Chain;
import dev.metagrad.optim.transform.ClipGradNorm;
import dev.metagrad.optim.transform.FlipSignAndAddWeightDecay;
import dev.metagrad.optim.transform.Identity;
import dev.metagrad.optim.transform.NanToNum;
import dev.metagrad.optim.transform.RegisterHook;
import dev.metagrad.optim.transform.Scale;
import dev.metagrad.optim.transform.ScaleByAdadelta;
import dev.metagrad.optim.transform.ScaleByAdam;
import dev.metagrad.optim.transform.ScaleByAdamax;
import dev.metagrad.optim.transform.ScaleByRAdam;
import dev.metagrad.optim.transform.ScaleByRms;
import dev.metagrad.optim.transform.ScaleByRss;
import dev.metagrad.optim.transform.ScaleBySchedule;
import dev.metagrad.optim.transform.ScaleByStddev;
import dev.metagrad.optim.transform.ScaleByTensor;
import dev.metagrad.optim.transform.Trace;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The TorchOpt building blocks. Each factory documents its per-leaf equation ({@code g}: incoming update,
 * {@code p}: parameter); the implementing classes in {@code dev.metagrad.optim.transform} spell out the details.
 */
public final class Transforms {
    private Transforms() {
    }

    /** {@code u = g}. */
    public static GradientTransformation identity() {
        return new Identity();
    }

    /** {@code u = Tk(...T1(g))}, each component with its own state. */
    public static GradientTransformation chain(GradientTransformation... transformations) {
        return new Chain(List.of(transformations));
    }

    /** {@code u = step_size · g}. */
    public static GradientTransformation scale(double stepSize) {
        return new Scale(stepSize);
    }

    /** {@code u = schedule(count) · g}, then {@code count += 1} (per leaf, starting at 0). */
    public static GradientTransformation scaleBySchedule(Schedule schedule) {
        return new ScaleBySchedule(schedule);
    }

    /**
     * The last piece of every alias: {@code u = g · (−lr)}, or {@code u = g · (−schedule(t − 1))} for a
     * schedule, or {@code u = g · (−lr)} with a 0-dim tensor lr (differentiable in lr).
     */
    public static GradientTransformation scaleByLearningRate(LearningRate lr) {
        Arguments.nonNull("lr", lr);
        if (lr instanceof LearningRate.Constant c) {
            return new Scale(-c.value());
        }
        if (lr instanceof LearningRate.Scheduled s) {
            Schedule schedule = s.schedule();
            return new ScaleBySchedule(count -> -schedule.at(count));
        }
        return new ScaleByTensor(((LearningRate.Learned) lr).value().neg());
    }

    /** {@code u = g · (−lr)}. */
    public static GradientTransformation scaleByLearningRate(double lr) {
        return scaleByLearningRate(LearningRate.of(lr));
    }

    /** {@code u = g · (−schedule(t − 1))}. */
    public static GradientTransformation scaleByLearningRate(Schedule lr) {
        return scaleByLearningRate(LearningRate.of(lr));
    }

    /** {@code u = g · (−lr)} with a 0-dim tensor {@code lr} that may require grad. */
    public static GradientTransformation scaleByLearningRate(Tensor lr) {
        return scaleByLearningRate(LearningRate.of(lr));
    }

    /** {@code g = −g if maximize; g = g + weight_decay · p if weight_decay != 0}. */
    public static GradientTransformation flipSignAndAddWeightDecay(double weightDecay, boolean maximize) {
        return new FlipSignAndAddWeightDecay(weightDecay, maximize);
    }

    /** {@code u_i = g_i + weight_decay · p_i} where {@code mask} is null or {@code mask[i]}. */
    public static GradientTransformation addDecayedWeights(double weightDecay, List<Boolean> mask) {
        return new AddDecayedWeights(weightDecay, mask);
    }

    /**
     * Momentum: {@code buf = g} on the first call, then {@code buf = momentum·buf + (1 − dampening)·g};
     * {@code u = g + momentum·buf} if nesterov else {@code buf}.
     */
    public static GradientTransformation trace(double momentum, double dampening, boolean nesterov) {
        return new Trace(momentum, dampening, nesterov, false);
    }

    /** {@link #trace(double, double, boolean)} with moments that require grad when asked. */
    public static GradientTransformation trace(double momentum, double dampening, boolean nesterov,
                                               boolean momentRequiresGrad) {
        return new Trace(momentum, dampening, nesterov, momentRequiresGrad);
    }

    /** Adam: {@code u = m̂ / (sqrt(v̂ + eps_root) + eps)} with bias-corrected moments. */
    public static GradientTransformation scaleByAdam(double b1, double b2, double eps, double epsRoot,
                                                     boolean momentRequiresGrad) {
        return new ScaleByAdam(b1, b2, eps, epsRoot, momentRequiresGrad);
    }

    /** Adamax: {@code n = max(b2·n, |g| + eps)}, {@code u = (m / n) / (1 − b1^t)}. */
    public static GradientTransformation scaleByAdamax(double b1, double b2, double eps, boolean momentRequiresGrad) {
        return new ScaleByAdamax(b1, b2, eps, momentRequiresGrad);
    }

    /** RAdam: rectified {@code u = m·(r/(1 − b1^t))/(sqrt(v) + eps)} when {@code rho_t > 5}, else {@code m/(1 − b1^t)}. */
    public static GradientTransformation scaleByRAdam(double b1, double b2, double eps, boolean momentRequiresGrad) {
        return new ScaleByRAdam(b1, b2, eps, momentRequiresGrad);
    }

    /** Adadelta: {@code u = g · sqrt((dx + eps) / (sq + eps))}. */
    public static GradientTransformation scaleByAdadelta(double rho, double eps, boolean momentRequiresGrad) {
        return new ScaleByAdadelta(rho, eps, momentRequiresGrad);
    }

    /** AdaGrad: {@code acc += g·g}, {@code u = g / (sqrt(acc) + eps)} where {@code acc > 0}, else 0. */
    public static GradientTransformation scaleByRss(double initialAccumulatorValue, double eps) {
        return new ScaleByRss(initialAccumulatorValue, eps);
    }

    /** RMSProp: {@code nu = alpha·nu + (1 − alpha)·g·g}, {@code u = g / (sqrt(nu) + eps)}. */
    public static GradientTransformation scaleByRms(double alpha, double eps, double initialScale) {
        return new ScaleByRms(alpha, eps, initialScale);
    }

    /** Centered RMSProp: {@code u = g / (sqrt(nu − mu·mu) + eps)}. */
    public static GradientTransformation scaleByStddev(double alpha, double eps, double initialScale) {
        return new ScaleByStddev(alpha, eps, initialScale);
    }

    /** {@code u = g · min(max_norm / (total_norm + 1e-6), 1)} with the global norm of order {@code normType}. */
    public static GradientTransformation clipGradNorm(double maxNorm, double normType, boolean errorIfNonfinite) {
        return new ClipGradNorm(maxNorm, normType, errorIfNonfinite);
    }

    /** {@link #clipGradNorm(double, double, boolean)} with the 2-norm and no error on non-finite norms. */
    public static GradientTransformation clipGradNorm(double maxNorm) {
        return new ClipGradNorm(maxNorm, 2.0, false);
    }

    /** NaN → {@code nan}, ±∞ → {@code posinf}/{@code neginf} (null: the dtype's extreme finite values). */
    public static GradientTransformation nanToNum(double nan, Double posinf, Double neginf) {
        return new NanToNum(nan, posinf, neginf);
    }

    /** {@link #nanToNum(double, Double, Double)} with torch's defaults: NaN → 0, ±∞ → ± largest finite. */
    public static GradientTransformation nanToNum() {
        return new NanToNum(0.0, null, null);
    }

    /**
     * Identity forward; the gradient flowing back through each update leaf is replaced by {@code hook(grad)}.
     * See {@link Hooks} for the stock hooks.
     */
    public static GradientTransformation registerHook(UnaryOperator<Tensor> hook) {
        return new RegisterHook(hook);
    }
}
