package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.OpArgs;
import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.lr.AnnealStrategy;
import dev.metagrad.optim.torch.lr.ChainedScheduler;
import dev.metagrad.optim.torch.lr.ConstantLR;
import dev.metagrad.optim.torch.lr.CosineAnnealingLR;
import dev.metagrad.optim.torch.lr.CosineAnnealingWarmRestarts;
import dev.metagrad.optim.torch.lr.CyclicLR;
import dev.metagrad.optim.torch.lr.ExponentialLR;
import dev.metagrad.optim.torch.lr.LRScheduler;
import dev.metagrad.optim.torch.lr.LambdaLR;
import dev.metagrad.optim.torch.lr.LinearLR;
import dev.metagrad.optim.torch.lr.LrLambda;
import dev.metagrad.optim.torch.lr.MultiStepLR;
import dev.metagrad.optim.torch.lr.MultiplicativeLR;
import dev.metagrad.optim.torch.lr.OneCycleLR;
import dev.metagrad.optim.torch.lr.PolynomialLR;
import dev.metagrad.optim.torch.lr.ReduceLROnPlateau;
import dev.metagrad.optim.torch.lr.SWALR;
import dev.metagrad.optim.torch.lr.SequentialLR;
import dev.metagrad.optim.torch.lr.StepLR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Builds the scheduler a golden case names from its torch class name and keyword arguments, with torch's
 * defaults for arguments the case leaves out. Unknown names and arguments fail with a message. torch's
 * {@code last_epoch} keyword is accepted with its default -1 (a fresh schedule).
 */
final class GoldenSchedulers {
    /** Every scheduler name {@link #create} understands, plus {@code ReduceLROnPlateau} ({@link #plateau}). */
    static final List<String> NAMES = List.of("LambdaLR", "MultiplicativeLR", "StepLR", "MultiStepLR", "ConstantLR",
            "LinearLR", "ExponentialLR", "PolynomialLR", "CosineAnnealingLR", "ChainedScheduler", "SequentialLR",
            "ReduceLROnPlateau", "CyclicLR", "OneCycleLR", "CosineAnnealingWarmRestarts", "SWALR");

    private GoldenSchedulers() {
    }

    /**
     * The chainable scheduler {@code name(optimizer, **args)}.
     *
     * @throws IllegalArgumentException for an unknown name or argument, or what the constructor throws
     */
    @SuppressWarnings("unchecked")
    static LRScheduler create(Optimizer optimizer, String name, Object args) {
        OpArgs a = arguments(name, args);
        if (!"ChainedScheduler".equals(name)) {
            requireFreshSchedule(name, a);
        }
        LRScheduler s = switch (name == null ? "" : name) {
            case "LambdaLR" -> {
                Object l = GoldenLambdas.decode(a.value("lr_lambda"));
                yield l instanceof List<?> list ? new LambdaLR(optimizer, (List<LrLambda>) list)
                        : new LambdaLR(optimizer, (LrLambda) l);
            }
            case "MultiplicativeLR" -> {
                Object l = GoldenLambdas.decode(a.value("lr_lambda"));
                yield l instanceof List<?> list ? new MultiplicativeLR(optimizer, (List<LrLambda>) list)
                        : new MultiplicativeLR(optimizer, (LrLambda) l);
            }
            case "StepLR" -> new StepLR(optimizer, a.integer("step_size"), a.optionalNumber("gamma", 0.1));
            case "MultiStepLR" -> new MultiStepLR(optimizer, integers(a, "milestones"), a.optionalNumber("gamma", 0.1));
            case "ConstantLR" -> new ConstantLR(optimizer, a.optionalNumber("factor", 1.0 / 3), a.optionalInteger("total_iters", 5));
            case "LinearLR" -> new LinearLR(optimizer, a.optionalNumber("start_factor", 1.0 / 3), a.optionalNumber("end_factor", 1.0),
                    a.optionalInteger("total_iters", 5));
            case "ExponentialLR" -> new ExponentialLR(optimizer, a.number("gamma"));
            case "PolynomialLR" -> new PolynomialLR(optimizer, a.optionalInteger("total_iters", 5), a.optionalNumber("power", 1.0));
            case "CosineAnnealingLR" -> new CosineAnnealingLR(optimizer, a.integer("T_max"), a.optionalNumber("eta_min", 0.0));
            case "CosineAnnealingWarmRestarts" -> new CosineAnnealingWarmRestarts(optimizer, a.integer("T_0"),
                    a.optionalInteger("T_mult", 1), a.optionalNumber("eta_min", 0.0));
            case "ChainedScheduler" -> new ChainedScheduler(children(optimizer, a.value("schedulers")));
            case "SequentialLR" -> new SequentialLR(optimizer, children(optimizer, a.value("schedulers")),
                    integers(a, "milestones"));
            case "CyclicLR" -> cyclic(optimizer, a);
            case "OneCycleLR" -> oneCycle(optimizer, a);
            case "SWALR" -> swalr(optimizer, a);
            case "ReduceLROnPlateau" -> throw new IllegalArgumentException(
                    "ReduceLROnPlateau is stepped with a metric; it is not a chainable scheduler");
            default -> throw new IllegalArgumentException("unknown scheduler " + Json.describe(name) + "; known: " + NAMES);
        };
        a.requireAllRead();
        return s;
    }

    private static List<LRScheduler> children(Optimizer optimizer, Object specs) {
        if (!(specs instanceof List<?> list)) {
            throw new IllegalArgumentException("\"schedulers\" must be a list of {scheduler, args}, got " + Json.describe(specs));
        }
        List<LRScheduler> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("scheduler") instanceof String child)) {
                throw new IllegalArgumentException("\"schedulers\" entries must be {scheduler, args}, got " + Json.describe(o));
            }
            out.add(create(optimizer, child, m.get("args")));
        }
        return out;
    }

    private static CyclicLR cyclic(Optimizer optimizer, OpArgs a) {
        CyclicLR.Builder b = CyclicLR.builder(optimizer);
        perGroup(a, "base_lr", b::baseLr, b::baseLr);
        perGroup(a, "max_lr", b::maxLr, b::maxLr);
        b.stepSizeUp(a.optionalInteger("step_size_up", 2000));
        if (a.value("step_size_down") != null) {
            b.stepSizeDown(a.integer("step_size_down"));
        }
        b.mode(CyclicLR.Mode.parse(a.optionalString("mode", "triangular")));
        b.gamma(a.optionalNumber("gamma", 1.0));
        if (a.value("scale_mode") != null) {
            // only a custom scale_fn uses it, and golden files cannot hold one
            CyclicLR.ScaleMode.parse(a.optionalString("scale_mode", "cycle"));
        }
        if (a.value("scale_fn") != null) {
            throw new IllegalArgumentException("CyclicLR: a custom scale_fn cannot be given in a golden file");
        }
        b.cycleMomentum(a.optionalBool("cycle_momentum", true));
        if (a.value("base_momentum") != null) {
            perGroup(a, "base_momentum", b::baseMomentum, b::baseMomentum);
        }
        if (a.value("max_momentum") != null) {
            perGroup(a, "max_momentum", b::maxMomentum, b::maxMomentum);
        }
        return b.build();
    }

    private static OneCycleLR oneCycle(Optimizer optimizer, OpArgs a) {
        OneCycleLR.Builder b = OneCycleLR.builder(optimizer);
        perGroup(a, "max_lr", b::maxLr, b::maxLr);
        if (a.value("total_steps") != null) {
            b.totalSteps(a.integer("total_steps"));
        }
        if (a.value("epochs") != null) {
            b.epochs(a.integer("epochs"));
        }
        if (a.value("steps_per_epoch") != null) {
            b.stepsPerEpoch(a.integer("steps_per_epoch"));
        }
        b.pctStart(a.optionalNumber("pct_start", 0.3));
        b.annealStrategy(AnnealStrategy.parse(a.optionalString("anneal_strategy", "cos")));
        b.cycleMomentum(a.optionalBool("cycle_momentum", true));
        if (a.value("base_momentum") != null) {
            perGroup(a, "base_momentum", b::baseMomentum, b::baseMomentum);
        }
        if (a.value("max_momentum") != null) {
            perGroup(a, "max_momentum", b::maxMomentum, b::maxMomentum);
        }
        b.divFactor(a.optionalNumber("div_factor", 25.0));
        b.finalDivFactor(a.optionalNumber("final_div_factor", 1e4));
        b.threePhase(a.optionalBool("three_phase", false));
        return b.build();
    }

    private static SWALR swalr(Optimizer optimizer, OpArgs a) {
        int annealEpochs = a.optionalInteger("anneal_epochs", 10);
        AnnealStrategy strategy = AnnealStrategy.parse(a.optionalString("anneal_strategy", "cos"));
        return a.value("swa_lr") instanceof List<?> ? new SWALR(optimizer, a.numberList("swa_lr"), annealEpochs, strategy)
                : new SWALR(optimizer, a.number("swa_lr"), annealEpochs, strategy);
    }

    /**
     * {@code ReduceLROnPlateau(optimizer, **args)}.
     *
     * @throws IllegalArgumentException for an unknown argument, or what the constructor throws
     */
    static ReduceLROnPlateau plateau(Optimizer optimizer, Object args) {
        OpArgs a = arguments("ReduceLROnPlateau", args);
        ReduceLROnPlateau.Builder b = ReduceLROnPlateau.builder(optimizer)
                .mode(ReduceLROnPlateau.Mode.parse(a.optionalString("mode", "min")))
                .factor(a.optionalNumber("factor", 0.1))
                .patience(a.optionalInteger("patience", 10))
                .threshold(a.optionalNumber("threshold", 1e-4))
                .thresholdMode(ReduceLROnPlateau.ThresholdMode.parse(a.optionalString("threshold_mode", "rel")))
                .cooldown(a.optionalInteger("cooldown", 0))
                .eps(a.optionalNumber("eps", 1e-8));
        if (a.value("min_lr") != null) {
            perGroup(a, "min_lr", b::minLr, b::minLr);
        }
        a.requireAllRead();
        return b.build();
    }

    /**
     * Reads torch's {@code last_epoch} keyword (null or missing: its default -1): -1 means a fresh schedule;
     * a resumed one cannot be described by a golden case.
     *
     * @throws IllegalArgumentException for any other value
     */
    private static void requireFreshSchedule(String name, OpArgs a) {
        Integer lastEpoch = a.optionalInteger("last_epoch");
        if (lastEpoch != null && lastEpoch != -1) {
            throw new IllegalArgumentException(name + ": last_epoch " + lastEpoch
                    + " (resuming a schedule) is not supported by the golden runner; only the default -1");
        }
    }

    /**
     * A per-group argument, which torch takes as one number for every group or a list with one per group.
     *
     * @throws IllegalArgumentException when it is missing or neither
     */
    private static void perGroup(OpArgs a, String key, DoubleConsumer one, Consumer<List<Double>> each) {
        if (a.value(key) instanceof List<?>) {
            each.accept(a.numberList(key));
        } else {
            one.accept(a.number(key));
        }
    }

    /**
     * A case's {@code args} for {@code owner}: torch's defaults for all when null, else it must be an object.
     *
     * @throws IllegalArgumentException {@code "<owner>: \"args\" must be an object, got ..."}
     */
    private static OpArgs arguments(String owner, Object args) {
        if (args != null && !(args instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(owner + ": \"args\" must be an object, got " + Json.describe(args));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = args == null ? Map.of() : (Map<String, Object>) args;
        return new OpArgs(owner, map);
    }

    private static List<Integer> integers(OpArgs a, String key) {
        return Arrays.stream(a.intList(key)).boxed().toList();
    }
}
