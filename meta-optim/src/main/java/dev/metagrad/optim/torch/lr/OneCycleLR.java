package dev.metagrad.optim.torch.lr;

import dev.metagrad.autograd.PyFloat;
import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.Optimizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code torch.optim.lr_scheduler.OneCycleLR}: the 1cycle policy, built with {@link #builder(Optimizer)}.
 *
 * <p>{@code total_steps} is given, or {@code epochs·steps_per_epoch}. Construction writes to every group
 * {@code initial_lr = max_lr/div_factor} (overriding the optimizer's lr; these are {@code base_lrs}),
 * {@code max_lr}, {@code min_lr = initial_lr/final_div_factor}, and with {@code cycle_momentum} sets the
 * momentum (SGD's {@code "momentum"} or Adam's {@code betas[0]}) to {@code max_momentum} and stores
 * {@code max_momentum}/{@code base_momentum} in the group. Phases, with N = total_steps, p = pct_start:
 * <ul>
 *   <li>two-phase: up to step {@code pN − 1}: initial_lr → max_lr (momentum max → base); up to
 *       {@code N − 1}: max_lr → min_lr (momentum base → max);</li>
 *   <li>three-phase: up to {@code pN − 1}: initial → max (m max → base); up to {@code 2pN − 2}: max → initial
 *       (m base → max); up to {@code N − 1}: initial → min (m max → max).</li>
 * </ul>
 * For e = {@code last_epoch} the first phase with {@code e <= end_step} (or the last phase) applies, with
 * {@code pct = (e − start)/(end_step − start)}, start = the previous phase's end (0 for the first), and
 * {@code lr = anneal(start_value, end_value, pct)} ({@link AnnealStrategy#anneal}); likewise the momentum.
 * Stepping to {@code last_epoch > total_steps} throws (torch's message). Not chainable; no closed form.
 */
public final class OneCycleLR extends LRScheduler {
    /** One phase of the schedule: where it ends and the group keys it anneals between. */
    private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {
    }

    private int totalSteps;
    private List<Phase> phases;
    private AnnealStrategy annealStrategy;
    private boolean cycleMomentum;
    private CycledMomentum momentum;

    private OneCycleLR(Builder b) {
        super(b.optimizer);
        if (b.maxLr == null) {
            throw new IllegalArgumentException("OneCycleLR: max_lr is required");
        }
        if (b.totalSteps != null) {
            if (b.totalSteps <= 0) {
                throw new IllegalArgumentException("Expected positive integer total_steps, but got " + b.totalSteps);
            }
            this.totalSteps = b.totalSteps;
        } else if (b.epochs != null && b.stepsPerEpoch != null) {
            if (b.epochs <= 0) {
                throw new IllegalArgumentException("Expected positive integer epochs, but got " + b.epochs);
            }
            if (b.stepsPerEpoch <= 0) {
                throw new IllegalArgumentException("Expected positive integer steps_per_epoch, but got " + b.stepsPerEpoch);
            }
            this.totalSteps = Math.multiplyExact(b.epochs, b.stepsPerEpoch);
        } else {
            throw new IllegalArgumentException("You must define either total_steps OR (epochs AND steps_per_epoch)");
        }
        if (b.pctStart < 0 || b.pctStart > 1 || Double.isNaN(b.pctStart)) {
            throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got " + PyFloat.repr(b.pctStart));
        }
        this.phases = b.threePhase ? List.of(
                new Phase(b.pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                new Phase(2 * b.pctStart * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"))
                : List.of(
                new Phase(b.pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
        this.annealStrategy = b.annealStrategy;
        int groups = b.optimizer.paramGroups().size();
        double[] maxLrs = b.maxLr.resolve("max_lr", groups);
        this.cycleMomentum = b.cycleMomentum;
        double[] maxMomentums = null;
        double[] baseMomentums = null;
        if (cycleMomentum) {
            this.momentum = CycledMomentum.of(b.optimizer);
            maxMomentums = b.maxMomentum.resolve("max_momentum", groups);
            baseMomentums = b.baseMomentum.resolve("base_momentum", groups);
        }
        for (int i = 0; i < groups; i++) {
            double initialLr = maxLrs[i] / b.divFactor;
            stage(i, "initial_lr", initialLr);
            stage(i, "max_lr", maxLrs[i]);
            stage(i, "min_lr", initialLr / b.finalDivFactor);
        }
        if (cycleMomentum) {
            stageCycledMomentum(momentum, maxMomentums, baseMomentums);
        }
        initialize();
    }

    /** A builder for {@code OneCycleLR(optimizer, max_lr, ...)}; max_lr and the step count are required. */
    public static Builder builder(Optimizer optimizer) {
        return new Builder(optimizer);
    }

    /** {@code total_steps}: the number of steps in the cycle. */
    public int totalSteps() {
        return totalSteps;
    }

    /** For {@code last_epoch} and group i: {lr, momentum} of the phase that applies. */
    private double[] valuesAt(int group) {
        int stepNum = lastEpoch();
        double startStep = 0.0;
        for (int k = 0; k < phases.size(); k++) {
            Phase phase = phases.get(k);
            double endStep = phase.endStep();
            if (stepNum <= endStep || k == phases.size() - 1) {
                if (endStep == startStep) {
                    throw new IllegalArgumentException("OneCycleLR: phase " + k + " of the schedule is empty: it starts "
                            + "and ends at step " + endStep + " (a division by zero in torch); use more total_steps "
                            + "or another pct_start");
                }
                double pct = (stepNum - startStep) / (endStep - startStep);
                double lr = annealStrategy.anneal(groupDouble(group, phase.startLr()), groupDouble(group, phase.endLr()), pct);
                double m = cycleMomentum
                        ? annealStrategy.anneal(groupDouble(group, phase.startMomentum()),
                        groupDouble(group, phase.endMomentum()), pct)
                        : Double.NaN;
                return new double[] {lr, m};
            }
            startStep = phase.endStep();
        }
        throw new IllegalStateException("OneCycleLR has no phases");
    }

    private void checkStepCount() {
        if (lastEpoch() > totalSteps) {
            throw new IllegalStateException("Tried to step " + lastEpoch()
                    + " times. The specified number of total steps is " + totalSteps);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when {@code last_epoch > total_steps}: "Tried to step X times. The specified
     *                               number of total steps is Y"
     */
    @Override
    protected double[] getLr() {
        checkStepCount();
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = valuesAt(i)[0];
        }
        return out;
    }

    @Override
    double[] cycledMomentum() {
        if (!cycleMomentum) {
            return null;
        }
        checkStepCount();
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = valuesAt(i)[1];
        }
        return out;
    }

    @Override
    CycledMomentum momentumKey() {
        return momentum;
    }

    @Override
    void putAttributes(Map<String, Object> state) {
        state.put("total_steps", (long) totalSteps);
        List<Object> list = new ArrayList<>();
        for (Phase p : phases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("end_step", p.endStep());
            m.put("start_lr", p.startLr());
            m.put("end_lr", p.endLr());
            m.put("start_momentum", p.startMomentum());
            m.put("end_momentum", p.endMomentum());
            list.add(m);
        }
        state.put("_schedule_phases", list);
        state.put("_anneal_func_type", annealStrategy.torchName());
        CycledMomentum.putState(state, cycleMomentum, momentum);
    }

    @Override
    void readAttributes(StateReader r) {
        r.readInt("total_steps", 1, v -> totalSteps = v);
        List<?> raw = r.readList("_schedule_phases");
        if (raw != null) {
            if (raw.isEmpty()) {
                throw r.error("_schedule_phases", "must not be empty");
            }
            List<Phase> parsed = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                String where = "_schedule_phases[" + i + "]";
                Map<String, Object> m = r.object(where, raw.get(i));
                if (!m.keySet().equals(Set.of("end_step", "start_lr", "end_lr", "start_momentum", "end_momentum"))) {
                    throw r.error(where, "must have the keys end_step, start_lr, end_lr, start_momentum, end_momentum; got "
                            + m.keySet());
                }
                parsed.add(new Phase(r.toDouble(where + ".end_step", m.get("end_step")), key(r, where, m, "start_lr"),
                        key(r, where, m, "end_lr"), key(r, where, m, "start_momentum"), key(r, where, m, "end_momentum")));
            }
            r.then(() -> phases = List.copyOf(parsed));
        }
        r.readString("_anneal_func_type", Set.of("cos", "linear"), v -> annealStrategy = AnnealStrategy.parse(v));
        CycledMomentum.readState(r, momentum, v -> cycleMomentum = v, v -> momentum = v);
    }

    private static String key(StateReader r, String where, Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (!(v instanceof String s)) {
            throw r.error(where + "." + field, "must be a string, got " + Json.describe(v));
        }
        return s;
    }

    /** Builder of {@link OneCycleLR}, with torch's defaults. */
    public static final class Builder {
        private final Optimizer optimizer;
        private PerGroupValue maxLr;
        private Integer totalSteps;
        private Integer epochs;
        private Integer stepsPerEpoch;
        private double pctStart = 0.3;
        private AnnealStrategy annealStrategy = AnnealStrategy.COS;
        private boolean cycleMomentum = true;
        private PerGroupValue baseMomentum = PerGroupValue.of(0.85);
        private PerGroupValue maxMomentum = PerGroupValue.of(0.95);
        private double divFactor = 25.0;
        private double finalDivFactor = 1e4;
        private boolean threePhase;

        private Builder(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        }

        /** {@code max_lr} for every group. Required. */
        public Builder maxLr(double maxLr) {
            this.maxLr = PerGroupValue.of(maxLr);
            return this;
        }

        /** {@code max_lr}, one per group. */
        public Builder maxLr(List<Double> maxLrs) {
            this.maxLr = PerGroupValue.of(maxLrs);
            return this;
        }

        /** {@code total_steps}; takes precedence over epochs·steps_per_epoch. */
        public Builder totalSteps(int totalSteps) {
            this.totalSteps = totalSteps;
            return this;
        }

        /** {@code epochs}; with {@link #stepsPerEpoch} gives total_steps when it is not set. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** {@code steps_per_epoch}. */
        public Builder stepsPerEpoch(int stepsPerEpoch) {
            this.stepsPerEpoch = stepsPerEpoch;
            return this;
        }

        /** {@code pct_start}: the fraction of the cycle spent increasing the lr (default 0.3). */
        public Builder pctStart(double pctStart) {
            this.pctStart = pctStart;
            return this;
        }

        /** {@code anneal_strategy} (default cos). */
        public Builder annealStrategy(AnnealStrategy annealStrategy) {
            this.annealStrategy = AnnealStrategy.require(annealStrategy);
            return this;
        }

        /** {@code cycle_momentum} (default true). */
        public Builder cycleMomentum(boolean cycleMomentum) {
            this.cycleMomentum = cycleMomentum;
            return this;
        }

        /** {@code base_momentum} for every group (default 0.85). */
        public Builder baseMomentum(double baseMomentum) {
            this.baseMomentum = PerGroupValue.of(baseMomentum);
            return this;
        }

        /** {@code base_momentum}, one per group. */
        public Builder baseMomentum(List<Double> baseMomentums) {
            this.baseMomentum = PerGroupValue.of(baseMomentums);
            return this;
        }

        /** {@code max_momentum} for every group (default 0.95). */
        public Builder maxMomentum(double maxMomentum) {
            this.maxMomentum = PerGroupValue.of(maxMomentum);
            return this;
        }

        /** {@code max_momentum}, one per group. */
        public Builder maxMomentum(List<Double> maxMomentums) {
            this.maxMomentum = PerGroupValue.of(maxMomentums);
            return this;
        }

        /** {@code div_factor}: initial_lr = max_lr/div_factor (default 25). */
        public Builder divFactor(double divFactor) {
            this.divFactor = divFactor;
            return this;
        }

        /** {@code final_div_factor}: min_lr = initial_lr/final_div_factor (default 1e4). */
        public Builder finalDivFactor(double finalDivFactor) {
            this.finalDivFactor = finalDivFactor;
            return this;
        }

        /** {@code three_phase} (default false). */
        public Builder threePhase(boolean threePhase) {
            this.threePhase = threePhase;
            return this;
        }

        /**
         * Builds the scheduler: writes the groups' lr bounds (and momentum) and performs the initial step.
         *
         * @throws IllegalArgumentException for invalid arguments (torch's messages); nothing changed then
         */
        public OneCycleLR build() {
            return new OneCycleLR(this);
        }
    }
}
