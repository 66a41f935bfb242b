package dev.metagrad.optim.torch.lr;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.torch.Optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau}: reduces every group's lr by {@code factor} when a
 * monitored metric has stopped improving for more than {@code patience} steps; built with
 * {@link #builder(Optimizer)} (or {@link #ReduceLROnPlateau(Optimizer)} for torch's defaults).
 *
 * <p>No initial step: the lrs stay as the optimizer has them. {@code best} starts at +∞ (min) or −∞ (max).
 * {@link #step(double)}:
 * <pre>
 *   if is_better(metric, best): best = metric; num_bad_epochs = 0   else: num_bad_epochs += 1
 *   if cooldown_counter > 0: cooldown_counter −= 1; num_bad_epochs = 0
 *   if num_bad_epochs > patience:
 *       for each group i: new = max(lr·factor, min_lr[i]); if lr − new > eps: lr = new
 *       cooldown_counter = cooldown; num_bad_epochs = 0
 *   is_better: min/rel: a < best·(1 − threshold); min/abs: a < best − threshold;
 *              max/rel: a > best·(threshold + 1); max/abs: a > best + threshold
 * </pre>
 * Its step takes the metric, so unlike torch (where it subclasses {@code LRScheduler}) it is not an
 * {@link LRScheduler} and cannot be put into {@link ChainedScheduler} or {@link SequentialLR}, which torch
 * rejects at run time. It emits no call-order warning, as in torch.
 */
public final class ReduceLROnPlateau {
    /** Whether the metric should decrease ({@code "min"}) or increase ({@code "max"}). */
    public enum Mode {
        /** A lower metric is better. */
        MIN("min"),
        /** A higher metric is better. */
        MAX("max");

        private final String torchName;

        Mode(String torchName) {
            this.torchName = torchName;
        }

        /** torch's name. */
        public String torchName() {
            return torchName;
        }

        /**
         * The mode named {@code name}.
         *
         * @throws IllegalArgumentException for an unknown name (torch's message)
         */
        public static Mode parse(String name) {
            for (Mode m : values()) {
                if (m.torchName.equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("mode " + name + " is unknown!");
        }
    }

    /** Whether {@code threshold} is relative to {@code best} or absolute. */
    public enum ThresholdMode {
        /** {@code best·(1 ∓ threshold)}. */
        REL("rel"),
        /** {@code best ∓ threshold}. */
        ABS("abs");

        private final String torchName;

        ThresholdMode(String torchName) {
            this.torchName = torchName;
        }

        /** torch's name. */
        public String torchName() {
            return torchName;
        }

        /**
         * The threshold mode named {@code name}.
         *
         * @throws IllegalArgumentException for an unknown name (torch's message)
         */
        public static ThresholdMode parse(String name) {
            for (ThresholdMode m : values()) {
                if (m.torchName.equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("threshold mode " + name + " is unknown!");
        }
    }

    private final Optimizer optimizer;
    private double factor;
    private Double defaultMinLr;
    private double[] minLrs;
    private int patience;
    private int cooldown;
    private double eps;
    private int lastEpoch;
    private double[] lastLr;
    private Mode mode;
    private double threshold;
    private ThresholdMode thresholdMode;
    private double best;
    private int cooldownCounter;
    private int numBadEpochs;

    /** {@code ReduceLROnPlateau(optimizer)} with torch's defaults (min, factor 0.1, patience 10, ...). */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(builder(optimizer));
    }

    private ReduceLROnPlateau(Builder b) {
        this.optimizer = b.optimizer;
        if (!(b.factor < 1.0)) {
            throw new IllegalArgumentException("Factor should be < 1.0.");
        }
        int groups = optimizer.paramGroups().size();
        if (b.minLrs != null) {
            if (b.minLrs.size() != groups) {
                throw new IllegalArgumentException("expected " + groups + " min_lrs, got " + b.minLrs.size());
            }
            this.defaultMinLr = null;
            this.minLrs = PerGroup.of("min_lr", b.minLrs, groups);
        } else {
            this.defaultMinLr = b.minLr;
            this.minLrs = PerGroup.of(b.minLr, groups);
        }
        this.factor = b.factor;
        this.patience = b.patience;
        this.cooldown = b.cooldown;
        this.eps = b.eps;
        this.lastEpoch = 0;
        this.lastLr = currentLrs();
        this.mode = b.mode;
        this.threshold = b.threshold;
        this.thresholdMode = b.thresholdMode;
        this.best = modeWorse();
        this.cooldownCounter = 0;
        this.numBadEpochs = 0;
    }

    /** A builder with torch's defaults. */
    public static Builder builder(Optimizer optimizer) {
        return new Builder(optimizer);
    }

    private double[] currentLrs() {
        return optimizer.paramGroups().stream().mapToDouble(g -> g.lr()).toArray();
    }

    private double modeWorse() {
        return mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** torch's {@code is_better(a, best)}. */
    private boolean isBetter(double a, double best) {
        if (mode == Mode.MIN && thresholdMode == ThresholdMode.REL) {
            return a < best * (1.0 - threshold);
        } else if (mode == Mode.MIN) {
            return a < best - threshold;
        } else if (thresholdMode == ThresholdMode.REL) {
            return a > best * (threshold + 1.0);
        }
        return a > best + threshold;
    }

    /**
     * One step with the monitored metric (see the class comment). A NaN metric is never better.
     *
     * @throws IllegalStateException when a reduction is due, the optimizer gained param groups and
     *                               {@code min_lr} was given per group (torch's message); nothing changed then
     */
    public void step(double metric) {
        int epoch = lastEpoch + 1;
        double newBest = best;
        int bad = numBadEpochs;
        int counter = cooldownCounter;
        if (isBetter(metric, best)) {
            newBest = metric;
            bad = 0;
        } else {
            bad += 1;
        }
        if (counter > 0) {
            counter -= 1;
            bad = 0;
        }
        double[] newMinLrs = minLrs;
        GroupWrites writes = new GroupWrites(optimizer.paramGroups());
        if (bad > patience) {
            int groups = writes.size();
            if (groups != minLrs.length) {
                if (defaultMinLr == null) {
                    throw new IllegalStateException("The number of param groups in the `optimizer` (" + groups
                            + ") differs from when `ReduceLROnPlateau` was initialized (" + minLrs.length
                            + "), usually due to a new param group being added to the optimizer. Please modify the "
                            + "`min_lrs` field to match the length of the `optimizer` param groups.");
                }
                newMinLrs = PerGroup.of(defaultMinLr, groups);
            }
            for (int i = 0; i < groups; i++) {
                double oldLr = writes.getDouble(i, "lr");
                double newLr = Math.max(oldLr * factor, newMinLrs[i]);
                if (oldLr - newLr > eps) {
                    writes.put(i, "lr", newLr);
                }
            }
            counter = cooldown;
            bad = 0;
        }
        writes.commit();
        minLrs = newMinLrs;
        lastEpoch = epoch;
        best = newBest;
        numBadEpochs = bad;
        cooldownCounter = counter;
        lastLr = currentLrs();
    }

    /**
     * {@link #step(double)} with a one-element tensor metric (torch's {@code float(metrics)}).
     *
     * @throws IllegalArgumentException when the tensor does not hold exactly one element
     */
    public void step(Tensor metric) {
        Objects.requireNonNull(metric, "metric");
        double[] values = metric.toDoubleArray();
        if (values.length != 1) {
            throw new IllegalArgumentException("ReduceLROnPlateau.step: the metric must hold one element, got "
                    + values.length);
        }
        step(values[0]);
    }

    /** The optimizer whose learning rates this scheduler reduces. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** {@code last_epoch}: the number of steps taken. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** {@code get_last_lr()}: every group's lr after the latest step (at construction: the optimizer's). */
    public List<Double> getLastLr() {
        return StateReader.list(lastLr);
    }

    /** The best metric seen ({@code ±∞} before the first step). */
    public double best() {
        return best;
    }

    /** {@code num_bad_epochs}: steps since the last improvement (reset by a reduction and during cooldown). */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    /** {@code cooldown_counter}: steps left in the cooldown after a reduction. */
    public int cooldownCounter() {
        return cooldownCounter;
    }

    /** {@code in_cooldown}. */
    public boolean inCooldown() {
        return cooldownCounter > 0;
    }

    /**
     * The state with torch's keys and order: {@code factor, default_min_lr, min_lrs, patience, cooldown,
     * eps, last_epoch, _last_lr, mode_worse, mode, threshold, threshold_mode, best, cooldown_counter,
     * num_bad_epochs}. {@code best} and {@code mode_worse} may be infinite.
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> s = StateReader.newState();
        s.put("factor", factor);
        s.put("default_min_lr", defaultMinLr);
        s.put("min_lrs", StateReader.list(minLrs));
        s.put("patience", (long) patience);
        s.put("cooldown", (long) cooldown);
        s.put("eps", eps);
        s.put("last_epoch", (long) lastEpoch);
        s.put("_last_lr", StateReader.list(lastLr));
        s.put("mode_worse", modeWorse());
        s.put("mode", mode.torchName());
        s.put("threshold", threshold);
        s.put("threshold_mode", thresholdMode.torchName());
        s.put("best", best);
        s.put("cooldown_counter", (long) cooldownCounter);
        s.put("num_bad_epochs", (long) numBadEpochs);
        return s;
    }

    /**
     * Loads a state dict made by {@link #stateDict()}; keys it lacks keep their values. {@code mode_worse} is
     * recomputed from {@code mode}, as torch's {@code _init_is_better} does.
     *
     * @throws IllegalArgumentException for unknown keys or values of the wrong type; nothing is loaded then
     */
    public void loadStateDict(Map<String, ?> state) {
        StateReader r = new StateReader("ReduceLROnPlateau", state);
        r.readDouble("factor", v -> factor = v);
        r.readDoubleOrNull("default_min_lr", v -> defaultMinLr = v);
        r.readDoubles("min_lrs", -1, v -> minLrs = v);
        r.readInt("patience", Integer.MIN_VALUE, v -> patience = v);
        r.readInt("cooldown", Integer.MIN_VALUE, v -> cooldown = v);
        r.readDouble("eps", v -> eps = v);
        r.readInt("last_epoch", Integer.MIN_VALUE, v -> lastEpoch = v);
        r.readDoubles("_last_lr", -1, v -> lastLr = v);
        r.readDouble("mode_worse", v -> { });
        r.readString("mode", Set.of("min", "max"), v -> mode = Mode.parse(v));
        r.readDouble("threshold", v -> threshold = v);
        r.readString("threshold_mode", Set.of("rel", "abs"), v -> thresholdMode = ThresholdMode.parse(v));
        r.readDouble("best", v -> best = v);
        r.readInt("cooldown_counter", Integer.MIN_VALUE, v -> cooldownCounter = v);
        r.readInt("num_bad_epochs", Integer.MIN_VALUE, v -> numBadEpochs = v);
        r.apply();
    }

    @Override
    public String toString() {
        return "ReduceLROnPlateau(mode=" + mode.torchName() + ", best=" + best + ", num_bad_epochs=" + numBadEpochs
                + ", last_lr=" + getLastLr() + ")";
    }

    /** Builder of {@link ReduceLROnPlateau}, with torch's defaults. */
    public static final class Builder {
        private final Optimizer optimizer;
        private Mode mode = Mode.MIN;
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private ThresholdMode thresholdMode = ThresholdMode.REL;
        private int cooldown = 0;
        private double minLr = 0;
        private List<Double> minLrs;
        private double eps = 1e-8;

        private Builder(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        }

        /** {@code mode} (default min). */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** {@code factor}: new_lr = lr·factor (default 0.1; must be < 1). */
        public Builder factor(double factor) {
            this.factor = factor;
            return this;
        }

        /** {@code patience}: bad steps tolerated before reducing (default 10). */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** {@code threshold} for measuring a new optimum (default 1e-4). */
        public Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** {@code threshold_mode} (default rel). */
        public Builder thresholdMode(ThresholdMode thresholdMode) {
            this.thresholdMode = Objects.requireNonNull(thresholdMode, "thresholdMode");
            return this;
        }

        /** {@code cooldown}: steps to wait after a reduction before counting bad steps again (default 0). */
        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /** {@code min_lr} for every group (default 0), also for groups added later. */
        public Builder minLr(double minLr) {
            this.minLr = minLr;
            this.minLrs = null;
            return this;
        }

        /** {@code min_lr}, one per group. */
        public Builder minLr(List<Double> minLrs) {
            this.minLrs = new ArrayList<>(Objects.requireNonNull(minLrs, "minLrs"));
            return this;
        }

        /** {@code eps}: reductions smaller than this are skipped (default 1e-8). */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Builds the scheduler; the optimizer's lrs are not touched.
         *
         * @throws IllegalArgumentException when {@code factor >= 1} or the per-group min lrs do not match the
         *                                  groups (torch's messages)
         */
        public ReduceLROnPlateau build() {
            return new ReduceLROnPlateau(this);
        }
    }
}
