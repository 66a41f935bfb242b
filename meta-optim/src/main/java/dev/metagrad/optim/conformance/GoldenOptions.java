package dev.metagrad.optim.conformance;

import dev.metagrad.json.Json;
import dev.metagrad.optim.AdadeltaOptions;
import dev.metagrad.optim.AdagradOptions;
import dev.metagrad.optim.AdamOptions;
import dev.metagrad.optim.AdamWOptions;
import dev.metagrad.optim.AdamaxOptions;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.Betas;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.LearningRate;
import dev.metagrad.optim.RAdamOptions;
import dev.metagrad.optim.RmsPropOptions;
import dev.metagrad.optim.Schedule;
import dev.metagrad.optim.Schedules;
import dev.metagrad.optim.SgdOptions;
import dev.metagrad.optim.Transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds optimizers, schedules and transformations from a case's TorchOpt keyword arguments (snake_case
 * names, FORMAT-torchopt.md sections 4 to 6). An unknown keyword is an error, never silently ignored.
 */
final class GoldenOptions {
    private final String what;
    private final Map<String, Object> options;
    private final Set<String> used = new TreeSet<>();

    private GoldenOptions(String what, Map<String, Object> options) {
        this.what = what;
        this.options = options;
    }

    /** The TorchOpt alias {@code name} with {@code options}. */
    static GradientTransformation alias(String name, Object rawOptions) {
        GoldenOptions o = new GoldenOptions(name, Golden.object(rawOptions, name + " options"));
        GradientTransformation t = switch (name) {
            case "sgd" -> Alias.sgd(o.sgd(SgdOptions.defaults()));
            case "adam" -> Alias.adam(o.adam(AdamOptions.defaults()));
            case "adamw" -> {
                AdamWOptions s = AdamWOptions.defaults();
                s = s.lr(o.lr(s.lr())).betas(o.betas(s.betas())).eps(o.number("eps", s.eps()))
                        .weightDecay(o.number("weight_decay", s.weightDecay())).epsRoot(o.number("eps_root", s.epsRoot()))
                        .mask(o.mask()).maximize(o.bool("maximize", s.maximize()))
                        .momentRequiresGrad(o.bool("moment_requires_grad", s.momentRequiresGrad()))
                        .useAcceleratedOp(o.bool("use_accelerated_op", s.useAcceleratedOp()));
                yield Alias.adamw(s);
            }
            case "adamax" -> {
                AdamaxOptions s = AdamaxOptions.defaults();
                s = s.lr(o.lr(s.lr())).betas(o.betas(s.betas())).eps(o.number("eps", s.eps()))
                        .weightDecay(o.number("weight_decay", s.weightDecay()))
                        .momentRequiresGrad(o.bool("moment_requires_grad", s.momentRequiresGrad()));
                yield Alias.adamax(s);
            }
            case "adadelta" -> {
                AdadeltaOptions s = AdadeltaOptions.defaults();
                s = s.lr(o.lr(s.lr())).rho(o.number("rho", s.rho())).eps(o.number("eps", s.eps()))
                        .weightDecay(o.number("weight_decay", s.weightDecay()))
                        .momentRequiresGrad(o.bool("moment_requires_grad", s.momentRequiresGrad()));
                yield Alias.adadelta(s);
            }
            case "adagrad" -> {
                AdagradOptions s = AdagradOptions.defaults();
                s = s.lr(o.lr(s.lr())).lrDecay(o.number("lr_decay", s.lrDecay())).weightDecay(o.number("weight_decay", s.weightDecay()))
                        .initialAccumulatorValue(o.number("initial_accumulator_value", s.initialAccumulatorValue()))
                        .eps(o.number("eps", s.eps())).maximize(o.bool("maximize", s.maximize()));
                yield Alias.adagrad(s);
            }
            case "radam" -> {
                RAdamOptions s = RAdamOptions.defaults();
                s = s.lr(o.lr(s.lr())).betas(o.betas(s.betas())).eps(o.number("eps", s.eps()))
                        .weightDecay(o.number("weight_decay", s.weightDecay()))
                        .momentRequiresGrad(o.bool("moment_requires_grad", s.momentRequiresGrad()));
                yield Alias.radam(s);
            }
            case "rmsprop" -> {
                RmsPropOptions s = RmsPropOptions.defaults();
                s = s.lr(o.lr(s.lr())).alpha(o.number("alpha", s.alpha())).eps(o.number("eps", s.eps()))
                        .weightDecay(o.number("weight_decay", s.weightDecay())).momentum(o.number("momentum", s.momentum()))
                        .centered(o.bool("centered", s.centered())).initialScale(o.number("initial_scale", s.initialScale()))
                        .nesterov(o.bool("nesterov", s.nesterov())).maximize(o.bool("maximize", s.maximize()));
                yield Alias.rmsprop(s);
            }
            default -> null;
        };
        if (t == null) {
            throw new IllegalArgumentException("unknown alias " + name);
        }
        o.requireAllUsed();
        return t;
    }

    /**
     * The options of a Meta optimizer of FORMAT-torchopt.md section 7.2 ({@code MetaSGD} or {@code MetaAdam}
     * keyword arguments) over {@code base}, the Meta class's defaults. Unknown keywords are errors.
     */
    static Object metaOptions(String optimizer, Object rawOptions, Object base) {
        GoldenOptions o = new GoldenOptions(optimizer, Golden.object(rawOptions, optimizer + " options"));
        Object out = switch (optimizer) {
            case "MetaSGD" -> o.sgd((SgdOptions) base);
            case "MetaAdam" -> o.adam((AdamOptions) base);
            default -> throw new IllegalArgumentException("unknown inner optimizer " + optimizer);
        };
        o.requireAllUsed();
        return out;
    }

    private SgdOptions sgd(SgdOptions s) {
        GoldenOptions o = this;
        s = s.lr(o.lr(s.lr())).momentum(o.number("momentum", s.momentum())).dampening(o.number("dampening", s.dampening()))
                .weightDecay(o.number("weight_decay", s.weightDecay())).nesterov(o.bool("nesterov", s.nesterov()))
                .momentRequiresGrad(o.bool("moment_requires_grad", s.momentRequiresGrad())).maximize(o.bool("maximize", s.maximize()));
        return s;
    }

    private AdamOptions adam(AdamOptions s) {
        GoldenOptions o = this;
        s = s.lr(o.lr(s.lr())).betas(o.betas(s.betas())).eps(o.number("eps", s.eps()))
                .weightDecay(o.number("weight_decay", s.weightDecay())).epsRoot(o.number("eps_root", s.epsRoot()))
                .maximize(o.bool("maximize", s.maximize())).momentRequiresGrad(o.bool("moment_requires_grad", s.momentRequiresGrad()))
                .useAcceleratedOp(o.bool("use_accelerated_op", s.useAcceleratedOp()));
        return s;
    }

    /** Whether {@code name} is one of the aliases of FORMAT-torchopt.md section 4. */
    static boolean isAlias(String name) {
        return Set.of("sgd", "adam", "adamw", "adamax", "adadelta", "adagrad", "radam", "rmsprop").contains(name);
    }

    /** A chain component of FORMAT-torchopt.md section 6.4: a transform or a whole alias. */
    static GradientTransformation component(String name, Object rawOptions) {
        if (isAlias(name)) {
            return alias(name, rawOptions);
        }
        GoldenOptions o = new GoldenOptions(name, Golden.object(rawOptions, name + " options"));
        GradientTransformation t = switch (name) {
            case "clip_grad_norm" -> o.clipGradNorm();
            case "nan_to_num" -> o.nanToNum();
            case "scale" -> Transforms.scale(o.required("step_size"));
            default -> throw new IllegalArgumentException("unknown chain component " + name);
        };
        o.requireAllUsed();
        return t;
    }

    /** {@code clip_grad_norm(max_norm, norm_type=2)} from its options. */
    static GradientTransformation clipGradNorm(Object rawOptions) {
        GoldenOptions o = new GoldenOptions("clip_grad_norm", Golden.object(rawOptions, "options"));
        GradientTransformation t = o.clipGradNorm();
        o.requireAllUsed();
        return t;
    }

    /** {@code nan_to_num(nan=0, posinf=None, neginf=None)} from its options. */
    static GradientTransformation nanToNum(Object rawOptions) {
        GoldenOptions o = new GoldenOptions("nan_to_num", Golden.object(rawOptions, "options"));
        GradientTransformation t = o.nanToNum();
        o.requireAllUsed();
        return t;
    }

    /** The {@code (nan, posinf, neginf)} options of a nan_to_num hook or transform. */
    static Object[] nanToNumArguments(Object rawOptions) {
        GoldenOptions o = new GoldenOptions("nan_to_num", Golden.object(rawOptions, "hook_options"));
        Object[] args = {o.number("nan", 0.0), o.nullableNumber("posinf"), o.nullableNumber("neginf")};
        o.requireAllUsed();
        return args;
    }

    /** A schedule object {@code {"schedule": name, ...options}} (FORMAT-torchopt.md section 4.2). */
    static Schedule schedule(Map<String, Object> spec) {
        Object name = spec.get("schedule");
        GoldenOptions o = new GoldenOptions(String.valueOf(name), spec);
        o.used.add("schedule");
        Schedule s = o.schedule(String.valueOf(name));
        o.requireAllUsed();
        return s;
    }

    /** A schedule named {@code name} with the given options (FORMAT-torchopt.md section 5). */
    static Schedule schedule(String name, Object rawOptions) {
        GoldenOptions o = new GoldenOptions(name, Golden.object(rawOptions, "options"));
        Schedule s = o.schedule(name);
        o.requireAllUsed();
        return s;
    }

    private Schedule schedule(String name) {
        double init = required("init_value");
        double end = required("end_value");
        long steps = integer("transition_steps", null);
        long begin = integer("transition_begin", 0L);
        return switch (name) {
            case "linear_schedule" -> Schedules.linearSchedule(init, end, steps, begin);
            case "polynomial_schedule" -> Schedules.polynomialSchedule(init, end, required("power"), steps, begin);
            default -> throw new IllegalArgumentException("unknown schedule " + name);
        };
    }

    private GradientTransformation clipGradNorm() {
        return Transforms.clipGradNorm(required("max_norm"), number("norm_type", 2.0), bool("error_if_nonfinite", false));
    }

    private GradientTransformation nanToNum() {
        return Transforms.nanToNum(number("nan", 0.0), nullableNumber("posinf"), nullableNumber("neginf"));
    }

    private LearningRate lr(LearningRate fallback) {
        used.add("lr");
        Object v = options.get("lr");
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map<?, ?>) {
            return LearningRate.of(schedule(Golden.object(v, "lr")));
        }
        return LearningRate.of(Json.toDouble(v));
    }

    private Betas betas(Betas fallback) {
        used.add("betas");
        Object v = options.get("betas");
        if (v == null) {
            return fallback;
        }
        double[] b = Golden.numbers(v, what + ".betas");
        if (b.length != 2) {
            throw new IllegalArgumentException(what + ".betas: expected 2 numbers, got " + b.length);
        }
        return new Betas(b[0], b[1]);
    }

    private List<Boolean> mask() {
        used.add("mask");
        Object v = options.get("mask");
        if (v == null) {
            return null;
        }
        List<Boolean> mask = new ArrayList<>();
        for (Object e : Golden.list(v, what + ".mask")) {
            if (!(e instanceof Boolean b)) {
                throw new IllegalArgumentException(what + ".mask: expected booleans, got " + Json.describe(e));
            }
            mask.add(b);
        }
        return mask;
    }

    private double number(String key, double fallback) {
        Double v = nullableNumber(key);
        return v == null ? fallback : v;
    }

    private Double nullableNumber(String key) {
        used.add(key);
        Object v = options.get(key);
        return v == null ? null : Json.toDouble(v);
    }

    private double required(String key) {
        Double v = nullableNumber(key);
        if (v == null) {
            throw new IllegalArgumentException(what + ": missing option " + key);
        }
        return v;
    }

    private long integer(String key, Long fallback) {
        Double v = nullableNumber(key);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException(what + ": missing option " + key);
            }
            return fallback;
        }
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(what + "." + key + ": expected an integer, got " + v);
        }
        return v.longValue();
    }

    private boolean bool(String key, boolean fallback) {
        used.add(key);
        Object v = options.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(what + "." + key + ": expected a boolean, got " + Json.describe(v));
        }
        return b;
    }

    private void requireAllUsed() {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(what + ": unsupported options " + unknown);
        }
    }
}
