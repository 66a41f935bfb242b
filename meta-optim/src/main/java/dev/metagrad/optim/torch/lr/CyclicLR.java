package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code torch.optim.lr_scheduler.CyclicLR}: cycles the lr between {@code base_lr} and {@code max_lr}
 * (and, with {@code cycle_momentum}, the momentum inversely between {@code max_momentum} and
 * {@code base_momentum}); built with {@link #builder(Optimizer)}.
 *
 * <p>Construction sets every group's lr to {@code base_lr} (the optimizer's own lr is ignored) and, with
 * {@code cycle_momentum}, its momentum to {@code max_momentum}; the cycled option is SGD's
 * {@code "momentum"}, or {@code betas[0]} when the optimizer's defaults have {@code "betas"} (Adam). The
 * groups also get {@code "max_momentum"} and {@code "base_momentum"} entries, as in torch. Per step, with
 * e = {@code last_epoch}, up = step_size_up, down = step_size_down (default up):
 * <pre>
 *   total = up + down; ratio = up/total; cycle = floor(1 + e/total); x = 1 + e/total − cycle
 *   sf    = x/ratio if x <= ratio else (x − 1)/(ratio − 1)
 *   scale = scale_fn(cycle) (scale mode "cycle") or scale_fn(e) ("iterations")
 *   lr    = base_lr + (max_lr − base_lr)·sf·scale
 *   m     = max_momentum − (max_momentum − base_momentum)·sf·scale
 * </pre>
 * Built-in modes: triangular (scale 1), triangular2 ({@code 1/2^(cycle − 1)}), exp_range
 * ({@code gamma^e}); each fixes the scale mode (cycle, cycle, iterations). A custom scale function
 * replaces the mode and uses the given scale mode. No closed form.
 */
public final class CyclicLR extends LRScheduler {
    /** The built-in scaling policies. */
    public enum Mode {
        /** Scale 1: a plain triangle. */
        TRIANGULAR("triangular"),
        /** Scale {@code 1/2^(cycle − 1)}: the amplitude halves every cycle. */
        TRIANGULAR2("triangular2"),
        /** Scale {@code gamma^iterations}. */
        EXP_RANGE("exp_range");

        private final String torchName;

        Mode(String torchName) {
            this.torchName = torchName;
        }

        /** torch's name of the mode. */
        public String torchName() {
            return torchName;
        }

        /**
         * The mode named {@code name}.
         *
         * @throws IllegalArgumentException for an unknown name
         */
        public static Mode parse(String name) {
            for (Mode m : values()) {
                if (m.torchName.equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("mode is invalid and scale_fn is None: CyclicLR mode must be one of "
                    + "'triangular', 'triangular2', 'exp_range', got " + name);
        }
    }

    /** What the scale function is evaluated on. */
    public enum ScaleMode {
        /** The cycle number (1 for the first cycle). */
        CYCLE("cycle"),
        /** The iteration count {@code last_epoch}. */
        ITERATIONS("iterations");

        private final String torchName;

        ScaleMode(String torchName) {
            this.torchName = torchName;
        }

        /** torch's name of the scale mode. */
        public String torchName() {
            return torchName;
        }

        /**
         * The scale mode named {@code name}.
         *
         * @throws IllegalArgumentException for an unknown name
         */
        public static ScaleMode parse(String name) {
            for (ScaleMode m : values()) {
                if (m.torchName.equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("CyclicLR scale_mode must be 'cycle' or 'iterations', got " + name);
        }
    }

    private double[] maxLrs;
    private double totalSize;
    private double stepRatio;
    private Mode mode;
    private double gamma;
    private final DoubleUnaryOperator scaleFnCustom;
    private ScaleMode scaleMode;
    private boolean cycleMomentum;
    private CycledMomentum momentum;
    private double[] baseMomentums;
    private double[] maxMomentums;

    private CyclicLR(Builder b) {
        super(b.optimizer);
        int groups = b.optimizer.paramGroups().size();
        if (b.baseLr == null || b.maxLr == null) {
            throw new IllegalArgumentException("CyclicLR: base_lr and max_lr are required");
        }
        double[] baseLrs = b.baseLr.resolve("base_lr", groups);
        this.maxLrs = b.maxLr.resolve("max_lr", groups);
        if (b.stepSizeUp < 1) {
            throw new IllegalArgumentException("CyclicLR: step_size_up must be a positive integer, got " + b.stepSizeUp);
        }
        if (b.stepSizeDown != null && b.stepSizeDown < 0) {
            throw new IllegalArgumentException("CyclicLR: step_size_down must be >= 0, got " + b.stepSizeDown);
        }
        double up = b.stepSizeUp;
        double down = b.stepSizeDown != null ? b.stepSizeDown : up;
        this.totalSize = up + down;
        this.stepRatio = up / totalSize;
        this.mode = b.mode;
        this.gamma = b.gamma;
        this.scaleFnCustom = b.scaleFn;
        this.scaleMode = b.scaleMode;
        initScaleFn();
        this.cycleMomentum = b.cycleMomentum;
        if (cycleMomentum) {
            this.momentum = CycledMomentum.of(b.optimizer);
            this.baseMomentums = b.baseMomentum.resolve("base_momentum", groups);
            this.maxMomentums = b.maxMomentum.resolve("max_momentum", groups);
        }
        for (int i = 0; i < groups; i++) {
            stage(i, "lr", baseLrs[i]);
        }
        if (cycleMomentum) {
            stageCycledMomentum(momentum, maxMomentums, baseMomentums);
        }
        initialize();
        // torch assigns base_lrs after the initial step, which used the groups' initial_lr
        setBaseLrs(baseLrs);
    }

    /** A builder for {@code CyclicLR(optimizer, base_lr, max_lr, ...)}; base and max lr are required. */
    public static Builder builder(Optimizer optimizer) {
        return new Builder(optimizer);
    }

    /** The built-in modes fix the scale mode; a custom scale function keeps the given one. */
    private void initScaleFn() {
        if (scaleFnCustom == null) {
            scaleMode = mode == Mode.EXP_RANGE ? ScaleMode.ITERATIONS : ScaleMode.CYCLE;
        }
    }

    private double scale(double x) {
        if (scaleFnCustom != null) {
            return scaleFnCustom.applyAsDouble(x);
        }
        switch (mode) {
            case TRIANGULAR:
                return 1.0;
            case TRIANGULAR2:
                return 1 / Math.pow(2.0, x - 1);
            default:
                return Math.pow(gamma, x);
        }
    }

    /** The scale factor sf·scale of the current {@code last_epoch}, shared by lr and momentum. */
    private double[] phase() {
        int e = lastEpoch();
        double cycle = Math.floor(1 + e / totalSize);
        double x = 1.0 + e / totalSize - cycle;
        double sf = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        double scale = scale(scaleMode == ScaleMode.CYCLE ? cycle : e);
        return new double[] {sf, scale};
    }

    @Override
    protected double[] getLr() {
        double[] p = phase();
        double[] out = new double[Math.min(baseLrCount(), maxLrs.length)];
        for (int i = 0; i < out.length; i++) {
            double baseHeight = (maxLrs[i] - baseLr(i)) * p[0];
            out[i] = baseLr(i) + baseHeight * p[1];
        }
        return out;
    }

    @Override
    double[] cycledMomentum() {
        if (!cycleMomentum) {
            return null;
        }
        double[] p = phase();
        double[] out = new double[baseMomentums.length];
        for (int i = 0; i < out.length; i++) {
            double baseHeight = (maxMomentums[i] - baseMomentums[i]) * p[0];
            out[i] = maxMomentums[i] - baseHeight * p[1];
        }
        return out;
    }

    @Override
    CycledMomentum momentumKey() {
        return momentum;
    }

    @Override
    void putAttributes(Map<String, Object> state) {
        state.put("max_lrs", StateReader.list(maxLrs));
        state.put("total_size", totalSize);
        state.put("step_ratio", stepRatio);
        state.put("mode", mode.torchName());
        state.put("gamma", gamma);
        state.put("scale_mode", scaleMode.torchName());
        CycledMomentum.putState(state, cycleMomentum, momentum);
        if (cycleMomentum) {
            state.put("base_momentums", StateReader.list(baseMomentums));
            state.put("max_momentums", StateReader.list(maxMomentums));
        }
    }

    /** A Java scale function is not serialized: {@code _scale_fn_custom} is always null, as for torch's lambdas. */
    @Override
    void putTrailingAttributes(Map<String, Object> state) {
        state.put("_scale_fn_custom", null);
    }

    @Override
    void readAttributes(StateReader r) {
        int groups = baseLrCount();
        r.readDoubles("max_lrs", groups, v -> maxLrs = v);
        r.readDouble("total_size", v -> totalSize = v);
        r.readDouble("step_ratio", v -> stepRatio = v);
        r.readString("mode", Set.of("triangular", "triangular2", "exp_range"), v -> mode = Mode.parse(v));
        r.readDouble("gamma", v -> gamma = v);
        r.readString("scale_mode", Set.of("cycle", "iterations"), v -> scaleMode = ScaleMode.parse(v));
        CycledMomentum.readState(r, momentum, v -> cycleMomentum = v, v -> momentum = v);
        if (momentum != null) {
            r.readDoubles("base_momentums", groups, v -> baseMomentums = v);
            r.readDoubles("max_momentums", groups, v -> maxMomentums = v);
        }
    }

    @Override
    void readTrailingAttributes(StateReader r) {
        if (r.peek("_scale_fn_custom") != null) {
            throw r.error("_scale_fn_custom", "holds state, but a Java scale function keeps none");
        }
        r.ignore("_scale_fn_custom");
        r.then(this::initScaleFn);
    }

    /** Builder of {@link CyclicLR}, with torch's defaults. */
    public static final class Builder {
        private final Optimizer optimizer;
        private PerGroupValue baseLr;
        private PerGroupValue maxLr;
        private int stepSizeUp = 2000;
        private Integer stepSizeDown;
        private Mode mode = Mode.TRIANGULAR;
        private double gamma = 1.0;
        private DoubleUnaryOperator scaleFn;
        private ScaleMode scaleMode = ScaleMode.CYCLE;
        private boolean cycleMomentum = true;
        private PerGroupValue baseMomentum = PerGroupValue.of(0.8);
        private PerGroupValue maxMomentum = PerGroupValue.of(0.9);

        private Builder(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        }

        /** {@code base_lr} for every group: the lower boundary of the cycle. Required. */
        public Builder baseLr(double baseLr) {
            this.baseLr = PerGroupValue.of(baseLr);
            return this;
        }

        /** {@code base_lr}, one per group. */
        public Builder baseLr(List<Double> baseLrs) {
            this.baseLr = PerGroupValue.of(baseLrs);
            return this;
        }

        /** {@code max_lr} for every group: the upper boundary of the cycle. Required. */
        public Builder maxLr(double maxLr) {
            this.maxLr = PerGroupValue.of(maxLr);
            return this;
        }

        /** {@code max_lr}, one per group. */
        public Builder maxLr(List<Double> maxLrs) {
            this.maxLr = PerGroupValue.of(maxLrs);
            return this;
        }

        /** {@code step_size_up}: iterations in the increasing half of a cycle (default 2000). */
        public Builder stepSizeUp(int stepSizeUp) {
            this.stepSizeUp = stepSizeUp;
            return this;
        }

        /** {@code step_size_down}: iterations in the decreasing half (default: step_size_up). */
        public Builder stepSizeDown(int stepSizeDown) {
            this.stepSizeDown = stepSizeDown;
            return this;
        }

        /** {@code mode} (default triangular). */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** {@code gamma} of exp_range (default 1). */
        public Builder gamma(double gamma) {
            this.gamma = gamma;
            return this;
        }

        /**
         * A custom {@code scale_fn} (0 <= scale_fn(x) <= 1), evaluated as {@code scaleMode} says; it replaces
         * the mode.
         */
        public Builder scaleFn(DoubleUnaryOperator scaleFn, ScaleMode scaleMode) {
            this.scaleFn = Objects.requireNonNull(scaleFn, "scaleFn");
            this.scaleMode = Objects.requireNonNull(scaleMode, "scaleMode");
            return this;
        }

        /** {@code cycle_momentum} (default true). */
        public Builder cycleMomentum(boolean cycleMomentum) {
            this.cycleMomentum = cycleMomentum;
            return this;
        }

        /** {@code base_momentum} for every group (default 0.8). */
        public Builder baseMomentum(double baseMomentum) {
            this.baseMomentum = PerGroupValue.of(baseMomentum);
            return this;
        }

        /** {@code base_momentum}, one per group. */
        public Builder baseMomentum(List<Double> baseMomentums) {
            this.baseMomentum = PerGroupValue.of(baseMomentums);
            return this;
        }

        /** {@code max_momentum} for every group (default 0.9). */
        public Builder maxMomentum(double maxMomentum) {
            this.maxMomentum = PerGroupValue.of(maxMomentum);
            return this;
        }

        /** {@code max_momentum}, one per group. */
        public Builder maxMomentum(List<Double> maxMomentums) {
            this.maxMomentum = PerGroupValue.of(maxMomentums);
            return this;
        }

        /**
         * Builds the scheduler: sets the groups' lr (and momentum) and performs the initial step.
         *
         * @throws IllegalArgumentException for a missing base or max lr, per-group lists of the wrong length,
         *                                  {@code step_size_up < 1}, or momentum cycling on an optimizer without
         *                                  momentum or betas; nothing changed then
         */
        public CyclicLR build() {
            return new CyclicLR(this);
        }
    }
}
