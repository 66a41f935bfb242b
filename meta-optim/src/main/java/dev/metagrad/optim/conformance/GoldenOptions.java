package dev.metagrad.optim.conformance;

import dev.metagrad.conformance.OpArgs;
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

/**
 * Builds optimizers, schedules and transformations from a case's TorchOpt keyword arguments (snake_case
 * names, FORMAT-torchopt.md sections 4 to 6). An unknown keyword is an error, never silently ignored.
 */
final class GoldenOptions {
    private final String what;
    private final OpArgs args;

    private GoldenOptions(String what, Map<String, Object> options) {
        this.what = what;
        this.args = new OpArgs(what, options);
    }

    /** The TorchOpt alias {@code name} with {@code options}. */
    static GradientTransformation alias(String name, Object rawOptions) {
        GoldenOptions o = new GoldenOptions(name, Golden.object(rawOptions, name + " options"));
        GradientTransformation t = switch (name) {
            case "sgd" -> Alias.sgd(o.sgd(SgdOptions.defaults()));
            case "adam" -> Alias.adam(o.adam(AdamOptions.defaults()));
            case "adamw" -> {
                AdamWOptions s = AdamWOptions.defaults();
                s = s.lr(o.lr(s.lr())).betas(o.betas(s.betas())).eps(o.args.optionalNumber("eps", s.eps()))
                        .weightDecay(o.args.optionalNumber("weight_decay", s.weightDecay())).epsRoot(o.args.optionalNumber("eps_root", s.epsRoot()))
                        .mask(o.mask()).maximize(o.args.optionalBool("maximize", s.maximize()))
                        .momentRequiresGrad(o.args.optionalBool("moment_requires_grad", s.momentRequiresGrad()))
                        .useAcceleratedOp(o.args.optionalBool("use_accelerated_op", s.useAcceleratedOp()));
                yield Alias.adamw(s);
            }
            case "adamax" -> {
                AdamaxOptions s = AdamaxOptions.defaults();
                s = s.lr(o.lr(s.lr())).betas(o.betas(s.betas())).eps(o.args.optionalNumber("eps", s.eps()))
                        .weightDecay(o.args.optionalNumber("weight_decay", s.weightDecay()))
                        .momentRequiresGrad(o.args.optionalBool("moment_requires_grad", s.momentRequiresGrad()));
                yield Alias.adamax(s);
            }
            case "adadelta" -> {
                AdadeltaOptions s = AdadeltaOptions.defaults();
                s = s.lr(o.lr(s.lr())).rho(o.args.optionalNumber("rho", s.rho())).eps(o.args.optionalNumber("eps", s.eps()))
                        .weightDecay(o.args.optionalNumber("weight_decay", s.weightDecay()))
                        .momentRequiresGrad(o.args.optionalBool("moment_requires_grad", s.momentRequiresGrad()));
                yield Alias.adadelta(s);
            }
            case "adagrad" -> {
                AdagradOptions s = AdagradOptions.defaults();
                s = s.lr(o.lr(s.lr())).lrDecay(o.args.optionalNumber("lr_decay", s.lrDecay())).weightDecay(o.args.optionalNumber("weight_decay", s.weightDecay()))
                        .initialAccumulatorValue(o.args.optionalNumber("initial_accumulator_value", s.initialAccumulatorValue()))
                        .eps(o.args.optionalNumber("eps", s.eps())).maximize(o.args.optionalBool("maximize", s.maximize()));
                yield Alias.adagrad(s);
            }
            case "radam" -> {
                RAdamOptions s = RAdamOptions.defaults();
                s = s.lr(o.lr(s.lr())).betas(o.betas(s.betas())).eps(o.args.optionalNumber("eps", s.eps()))
                        .weightDecay(o.args.optionalNumber("weight_decay", s.weightDecay()))
                        .momentRequiresGrad(o.args.optionalBool("moment_requires_grad", s.momentRequiresGrad()));
                yield Alias.radam(s);
            }
            case "rmsprop" -> {
                RmsPropOptions s = RmsPropOptions.defaults();
                s = s.lr(o.lr(s.lr())).alpha(o.args.optionalNumber("alpha", s.alpha())).eps(o.args.optionalNumber("eps", s.eps()))
                        .weightDecay(o.args.optionalNumber("weight_decay", s.weightDecay())).momentum(o.args.optionalNumber("momentum", s.momentum()))
                        .centered(o.args.optionalBool("centered", s.centered())).initialScale(o.args.optionalNumber("initial_scale", s.initialScale()))
                        .nesterov(o.args.optionalBool("nesterov", s.nesterov())).maximize(o.args.optionalBool("maximize", s.maximize()));
                yield Alias.rmsprop(s);
            }
            default -> null;
        };
        if (t == null) {
            throw new IllegalArgumentException("unknown alias " + name);
        }
        o.args.requireAllRead();
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
        o.args.requireAllRead();
        return out;
    }

    private SgdOptions sgd(SgdOptions s) {
        GoldenOptions o = this;
        s = s.lr(o.lr(s.lr())).momentum(o.args.optionalNumber("momentum", s.momentum())).dampening(o.args.optionalNumber("dampening", s.dampening()))
                .weightDecay(o.args.optionalNumber("weight_decay", s.weightDecay())).nesterov(o.args.optionalBool("nesterov", s.nesterov()))
                .momentRequiresGrad(o.args.optionalBool("moment_requires_grad", s.momentRequiresGrad())).maximize(o.args.optionalBool("maximize", s.maximize()));
        return s;
    }

    private AdamOptions adam(AdamOptions s) {
        GoldenOptions o = this;
        s = s.lr(o.lr(s.lr())).betas(o.betas(s.betas())).eps(o.args.optionalNumber("eps", s.eps()))
                .weightDecay(o.args.optionalNumber("weight_decay", s.weightDecay())).epsRoot(o.args.optionalNumber("eps_root", s.epsRoot()))
                .maximize(o.args.optionalBool("maximize", s.maximize())).momentRequiresGrad(o.args.optionalBool("moment_requires_grad", s.momentRequiresGrad()))
                .useAcceleratedOp(o.args.optionalBool("use_accelerated_op", s.useAcceleratedOp()));
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
            case "scale" -> Transforms.scale(o.args.number("step_size"));
            default -> throw new IllegalArgumentException("unknown chain component " + name);
        };
        o.args.requireAllRead();
        return t;
    }

    /** {@code clip_grad_norm(max_norm, norm_type=2)} from its options. */
    static GradientTransformation clipGradNorm(Object rawOptions) {
        GoldenOptions o = new GoldenOptions("clip_grad_norm", Golden.object(rawOptions, "options"));
        GradientTransformation t = o.clipGradNorm();
        o.args.requireAllRead();
        return t;
    }

    /** {@code nan_to_num(nan=0, posinf=None, neginf=None)} from its options. */
    static GradientTransformation nanToNum(Object rawOptions) {
        GoldenOptions o = new GoldenOptions("nan_to_num", Golden.object(rawOptions, "options"));
        GradientTransformation t = o.nanToNum();
        o.args.requireAllRead();
        return t;
    }

    /** The {@code (nan, posinf, neginf)} options of a nan_to_num hook or transform. */
    static Object[] nanToNumArguments(Object rawOptions) {
        GoldenOptions o = new GoldenOptions("nan_to_num", Golden.object(rawOptions, "hook_options"));
        Object[] values = {o.args.optionalNumber("nan", 0.0), o.args.optionalNumber("posinf"), o.args.optionalNumber("neginf")};
        o.args.requireAllRead();
        return values;
    }

    /** A schedule object {@code {"schedule": name, ...options}} (FORMAT-torchopt.md section 4.2). */
    static Schedule schedule(Map<String, Object> spec) {
        Object name = spec.get("schedule");
        GoldenOptions o = new GoldenOptions(String.valueOf(name), spec);
        o.args.value("schedule");
        Schedule s = o.schedule(String.valueOf(name));
        o.args.requireAllRead();
        return s;
    }

    /** A schedule named {@code name} with the given options (FORMAT-torchopt.md section 5). */
    static Schedule schedule(String name, Object rawOptions) {
        GoldenOptions o = new GoldenOptions(name, Golden.object(rawOptions, "options"));
        Schedule s = o.schedule(name);
        o.args.requireAllRead();
        return s;
    }

    private Schedule schedule(String name) {
        double init = args.number("init_value");
        double end = args.number("end_value");
        long steps = args.integer("transition_steps");
        long begin = args.optionalInteger("transition_begin", 0);
        return switch (name) {
            case "linear_schedule" -> Schedules.linearSchedule(init, end, steps, begin);
            case "polynomial_schedule" -> Schedules.polynomialSchedule(init, end, args.number("power"), steps, begin);
            default -> throw new IllegalArgumentException("unknown schedule " + name);
        };
    }

    private GradientTransformation clipGradNorm() {
        return Transforms.clipGradNorm(args.number("max_norm"), args.optionalNumber("norm_type", 2.0),
                args.optionalBool("error_if_nonfinite", false));
    }

    private GradientTransformation nanToNum() {
        return Transforms.nanToNum(args.optionalNumber("nan", 0.0), args.optionalNumber("posinf"), args.optionalNumber("neginf"));
    }

    private LearningRate lr(LearningRate fallback) {
        Object v = args.value("lr");
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map<?, ?>) {
            return LearningRate.of(schedule(Golden.object(v, "lr")));
        }
        return LearningRate.of(Json.toDouble(v));
    }

    private Betas betas(Betas fallback) {
        if (args.value("betas") == null) {
            return fallback;
        }
        List<Double> b = args.numberList("betas");
        if (b.size() != 2) {
            throw new IllegalArgumentException(what + ".betas: expected 2 numbers, got " + b.size());
        }
        return new Betas(b.get(0), b.get(1));
    }

    private List<Boolean> mask() {
        Object v = args.value("mask");
        if (v == null) {
            return null;
        }
        List<Boolean> mask = new ArrayList<>();
        for (Object e : Json.asList(v, what + ".mask")) {
            if (!(e instanceof Boolean b)) {
                throw new IllegalArgumentException(what + ".mask: expected booleans, got " + Json.describe(e));
            }
            mask.add(b);
        }
        return mask;
    }
}
