package dev.metagrad.optim;

import java.util.Map;
import java.util.TreeMap;

/** Step-size schedules of TorchOpt ({@code linear_schedule}, {@code polynomial_schedule}) and optax. */
public final class Schedules {
    private Schedules() {
    }

    /**
     * TorchOpt {@code polynomial_schedule}:
     * <pre>
     *   transition_steps <= 0:  value(count) = init_value
     *   transition_begin  <  0:  transition_begin = 0
     *   k    = clip(count − transition_begin, 0, transition_steps)       integer arithmetic
     *   frac = 1 − k / transition_steps
     *   value(count) = (init_value − end_value) · frac^power + end_value   (0^0 = 1)
     * </pre>
     */
    public static Schedule polynomialSchedule(double initValue, double endValue, double power, long transitionSteps,
                                              long transitionBegin) {
        if (transitionSteps <= 0) {
            return count -> initValue; // TorchOpt warns and falls back to a constant schedule
        }
        long begin = Math.max(0, transitionBegin);
        return count -> {
            long k = Math.min(Math.max(count - begin, 0), transitionSteps);
            double frac = 1.0 - (double) k / transitionSteps;
            return (initValue - endValue) * Math.pow(frac, power) + endValue; // Math.pow(0, 0) == 1
        };
    }

    /** {@link #polynomialSchedule} with {@code transition_begin = 0}. */
    public static Schedule polynomialSchedule(double initValue, double endValue, double power, long transitionSteps) {
        return polynomialSchedule(initValue, endValue, power, transitionSteps, 0);
    }

    /** TorchOpt {@code linear_schedule}: {@link #polynomialSchedule} with {@code power = 1}. */
    public static Schedule linearSchedule(double initValue, double endValue, long transitionSteps, long transitionBegin) {
        return polynomialSchedule(initValue, endValue, 1.0, transitionSteps, transitionBegin);
    }

    /** {@link #linearSchedule(double, double, long, long)} with {@code transition_begin = 0}. */
    public static Schedule linearSchedule(double initValue, double endValue, long transitionSteps) {
        return linearSchedule(initValue, endValue, transitionSteps, 0);
    }

    /**
     * optax {@code cosine_decay_schedule}:
     * <pre>
     *   c = min(count, decay_steps)
     *   value = init_value · ((1 − alpha) · (0.5 · (1 + cos(π · c / decay_steps)))^exponent + alpha)
     * </pre>
     *
     * @throws IllegalArgumentException when {@code decaySteps <= 0}
     */
    public static Schedule cosineDecay(double initValue, long decaySteps, double alpha, double exponent) {
        if (decaySteps <= 0) {
            throw new IllegalArgumentException("decay_steps must be > 0, got " + decaySteps);
        }
        return count -> {
            double c = Math.min(Math.max(count, 0), decaySteps);
            double cosine = 0.5 * (1.0 + Math.cos(Math.PI * c / decaySteps));
            return initValue * ((1.0 - alpha) * Math.pow(cosine, exponent) + alpha);
        };
    }

    /** {@link #cosineDecay(double, long, double, double)} with {@code alpha = 0}, {@code exponent = 1}. */
    public static Schedule cosineDecay(double initValue, long decaySteps) {
        return cosineDecay(initValue, decaySteps, 0.0, 1.0);
    }

    /**
     * optax {@code warmup_cosine_decay_schedule}: a linear warm-up from {@code init_value} to
     * {@code peak_value} over {@code warmup_steps}, then a cosine decay to {@code end_value} reached at
     * {@code decay_steps} (which counts the warm-up):
     * <pre>
     *   count < warmup_steps:  linear_schedule(init_value, peak_value, warmup_steps)(count)
     *   otherwise:             cosine_decay(peak_value, decay_steps − warmup_steps,
     *                                       alpha = end_value / peak_value, exponent)(count − warmup_steps)
     * </pre>
     *
     * @throws IllegalArgumentException when {@code decaySteps <= warmupSteps} or {@code warmupSteps < 0}
     */
    public static Schedule warmupCosineDecay(double initValue, double peakValue, long warmupSteps, long decaySteps,
                                             double endValue, double exponent) {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmup_steps must be >= 0, got " + warmupSteps);
        }
        if (decaySteps <= warmupSteps) {
            throw new IllegalArgumentException("decay_steps must be > warmup_steps, got " + decaySteps + " <= " + warmupSteps);
        }
        double alpha = peakValue == 0.0 ? 0.0 : endValue / peakValue;
        Schedule warmup = linearSchedule(initValue, peakValue, warmupSteps);
        Schedule decay = cosineDecay(peakValue, decaySteps - warmupSteps, alpha, exponent);
        return count -> count < warmupSteps ? warmup.at(count) : decay.at(count - warmupSteps);
    }

    /** {@link #warmupCosineDecay(double, double, long, long, double, double)} with {@code exponent = 1}. */
    public static Schedule warmupCosineDecay(double initValue, double peakValue, long warmupSteps, long decaySteps,
                                             double endValue) {
        return warmupCosineDecay(initValue, peakValue, warmupSteps, decaySteps, endValue, 1.0);
    }

    /**
     * optax {@code piecewise_constant_schedule}: {@code init_value} times the product of the scales of every
     * boundary strictly below {@code count}.
     *
     * @param boundariesAndScales boundary step → multiplicative scale
     * @throws IllegalArgumentException when a boundary is negative or a scale is null
     */
    public static Schedule piecewiseConstant(double initValue, Map<Long, Double> boundariesAndScales) {
        TreeMap<Long, Double> sorted = new TreeMap<>();
        for (Map.Entry<Long, Double> e : boundariesAndScales.entrySet()) {
            if (e.getKey() == null || e.getKey() < 0 || e.getValue() == null) {
                throw new IllegalArgumentException("piecewiseConstant: boundaries must be >= 0 with non-null scales, got "
                        + e.getKey() + " -> " + e.getValue());
            }
            sorted.put(e.getKey(), e.getValue());
        }
        return count -> {
            double v = initValue;
            for (Map.Entry<Long, Double> e : sorted.headMap(count, false).entrySet()) {
                v *= e.getValue();
            }
            return v;
        };
    }

    /**
     * optax {@code exponential_decay}:
     * <pre>
     *   d = count − transition_begin;   e = d / transition_steps  (floored when staircase)
     *   value = init_value                      if d <= 0
     *         = init_value · decay_rate^e       otherwise
     *   clipped at end_value (from below when decay_rate < 1, from above otherwise) when end_value is given
     * </pre>
     * A {@code transition_steps <= 0} gives the constant {@code init_value}.
     *
     * @param endValue the bound, or null for none
     * @throws IllegalArgumentException when {@code transitionBegin < 0} or {@code decayRate == 0}
     */
    public static Schedule exponentialDecay(double initValue, long transitionSteps, double decayRate,
                                            long transitionBegin, boolean staircase, Double endValue) {
        if (transitionBegin < 0) {
            throw new IllegalArgumentException("transition_begin must be >= 0, got " + transitionBegin);
        }
        if (decayRate == 0.0) {
            throw new IllegalArgumentException("decay_rate must not be 0");
        }
        if (transitionSteps <= 0) {
            return count -> initValue;
        }
        return count -> {
            long d = count - transitionBegin;
            double e = (double) d / transitionSteps;
            if (staircase) {
                e = Math.floor(e);
            }
            double v = d <= 0 ? initValue : initValue * Math.pow(decayRate, e);
            if (endValue != null) {
                v = decayRate < 1.0 ? Math.max(v, endValue) : Math.min(v, endValue);
            }
            return v;
        };
    }

    /** {@link #exponentialDecay(double, long, double, long, boolean, Double)} without begin, staircase or bound. */
    public static Schedule exponentialDecay(double initValue, long transitionSteps, double decayRate) {
        return exponentialDecay(initValue, transitionSteps, decayRate, 0, false, null);
    }
}
