package dev.metagrad.optim.torch.conformance;

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
import java.util.List;
import java.util.Map;

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
    static LRScheduler create(Optimizer optimizer, String name, Map<String, Object> args) {
        GoldenArgs a = new GoldenArgs(name, args);
        if (!"ChainedScheduler".equals(name) && a.has("last_epoch")) {
            // torch's keyword with its default -1 means a fresh schedule; a resumed one cannot be described here
            int lastEpoch = a.integer("last_epoch");
            if (lastEpoch != -1) {
                throw new IllegalArgumentException(name + ": last_epoch " + lastEpoch
                        + " (resuming a schedule) is not supported by the golden runner; only the default -1");
            }
        }
        LRScheduler s = switch (name == null ? "" : name) {
            case "LambdaLR" -> {
                Object l = GoldenLambdas.decode(a.raw("lr_lambda"));
                yield l instanceof List<?> list ? new LambdaLR(optimizer, (List<LrLambda>) list)
                        : new LambdaLR(optimizer, (LrLambda) l);
            }
            case "MultiplicativeLR" -> {
                Object l = GoldenLambdas.decode(a.raw("lr_lambda"));
                yield l instanceof List<?> list ? new MultiplicativeLR(optimizer, (List<LrLambda>) list)
                        : new MultiplicativeLR(optimizer, (LrLambda) l);
            }
            case "StepLR" -> new StepLR(optimizer, a.integer("step_size"), a.number("gamma", 0.1));
            case "MultiStepLR" -> new MultiStepLR(optimizer, a.integers("milestones"), a.number("gamma", 0.1));
            case "ConstantLR" -> new ConstantLR(optimizer, a.number("factor", 1.0 / 3), a.integer("total_iters", 5));
            case "LinearLR" -> new LinearLR(optimizer, a.number("start_factor", 1.0 / 3), a.number("end_factor", 1.0),
                    a.integer("total_iters", 5));
            case "ExponentialLR" -> new ExponentialLR(optimizer, a.number("gamma"));
            case "PolynomialLR" -> new PolynomialLR(optimizer, a.integer("total_iters", 5), a.number("power", 1.0));
            case "CosineAnnealingLR" -> new CosineAnnealingLR(optimizer, a.integer("T_max"), a.number("eta_min", 0.0));
            case "CosineAnnealingWarmRestarts" -> new CosineAnnealingWarmRestarts(optimizer, a.integer("T_0"),
                    a.integer("T_mult", 1), a.number("eta_min", 0.0));
            case "ChainedScheduler" -> new ChainedScheduler(children(optimizer, a.raw("schedulers")));
            case "SequentialLR" -> new SequentialLR(optimizer, children(optimizer, a.raw("schedulers")),
                    a.integers("milestones"));
            case "CyclicLR" -> cyclic(optimizer, a);
            case "OneCycleLR" -> oneCycle(optimizer, a);
            case "SWALR" -> swalr(optimizer, a);
            case "ReduceLROnPlateau" -> throw new IllegalArgumentException(
                    "ReduceLROnPlateau is stepped with a metric; it is not a chainable scheduler");
            default -> throw new IllegalArgumentException("unknown scheduler " + Json.describe(name) + "; known: " + NAMES);
        };
        a.done();
        return s;
    }

    @SuppressWarnings("unchecked")
    private static List<LRScheduler> children(Optimizer optimizer, Object specs) {
        if (!(specs instanceof List<?> list)) {
            throw new IllegalArgumentException("\"schedulers\" must be a list of {scheduler, args}, got " + Json.describe(specs));
        }
        List<LRScheduler> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("scheduler") instanceof String child)) {
                throw new IllegalArgumentException("\"schedulers\" entries must be {scheduler, args}, got " + Json.describe(o));
            }
            Object args = m.get("args");
            if (args != null && !(args instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(child + ": \"args\" must be an object, got " + Json.describe(args));
            }
            out.add(create(optimizer, child, (Map<String, Object>) args));
        }
        return out;
    }

    private static CyclicLR cyclic(Optimizer optimizer, GoldenArgs a) {
        CyclicLR.Builder b = CyclicLR.builder(optimizer);
        if (a.isList("base_lr")) {
            b.baseLr(a.numbers("base_lr"));
        } else {
            b.baseLr(a.number("base_lr"));
        }
        if (a.isList("max_lr")) {
            b.maxLr(a.numbers("max_lr"));
        } else {
            b.maxLr(a.number("max_lr"));
        }
        b.stepSizeUp(a.integer("step_size_up", 2000));
        if (a.has("step_size_down")) {
            b.stepSizeDown(a.integer("step_size_down"));
        }
        b.mode(CyclicLR.Mode.parse(a.string("mode", "triangular")));
        b.gamma(a.number("gamma", 1.0));
        if (a.has("scale_mode")) {
            // only a custom scale_fn uses it, and golden files cannot hold one
            CyclicLR.ScaleMode.parse(a.string("scale_mode", "cycle"));
        }
        if (a.has("scale_fn")) {
            throw new IllegalArgumentException("CyclicLR: a custom scale_fn cannot be given in a golden file");
        }
        b.cycleMomentum(a.bool("cycle_momentum", true));
        if (a.has("base_momentum")) {
            if (a.isList("base_momentum")) {
                b.baseMomentum(a.numbers("base_momentum"));
            } else {
                b.baseMomentum(a.number("base_momentum"));
            }
        }
        if (a.has("max_momentum")) {
            if (a.isList("max_momentum")) {
                b.maxMomentum(a.numbers("max_momentum"));
            } else {
                b.maxMomentum(a.number("max_momentum"));
            }
        }
        return b.build();
    }

    private static OneCycleLR oneCycle(Optimizer optimizer, GoldenArgs a) {
        OneCycleLR.Builder b = OneCycleLR.builder(optimizer);
        if (a.isList("max_lr")) {
            b.maxLr(a.numbers("max_lr"));
        } else {
            b.maxLr(a.number("max_lr"));
        }
        if (a.has("total_steps")) {
            b.totalSteps(a.integer("total_steps"));
        }
        if (a.has("epochs")) {
            b.epochs(a.integer("epochs"));
        }
        if (a.has("steps_per_epoch")) {
            b.stepsPerEpoch(a.integer("steps_per_epoch"));
        }
        b.pctStart(a.number("pct_start", 0.3));
        b.annealStrategy(AnnealStrategy.parse(a.string("anneal_strategy", "cos")));
        b.cycleMomentum(a.bool("cycle_momentum", true));
        if (a.has("base_momentum")) {
            if (a.isList("base_momentum")) {
                b.baseMomentum(a.numbers("base_momentum"));
            } else {
                b.baseMomentum(a.number("base_momentum"));
            }
        }
        if (a.has("max_momentum")) {
            if (a.isList("max_momentum")) {
                b.maxMomentum(a.numbers("max_momentum"));
            } else {
                b.maxMomentum(a.number("max_momentum"));
            }
        }
        b.divFactor(a.number("div_factor", 25.0));
        b.finalDivFactor(a.number("final_div_factor", 1e4));
        b.threePhase(a.bool("three_phase", false));
        return b.build();
    }

    private static SWALR swalr(Optimizer optimizer, GoldenArgs a) {
        int annealEpochs = a.integer("anneal_epochs", 10);
        AnnealStrategy strategy = AnnealStrategy.parse(a.string("anneal_strategy", "cos"));
        return a.isList("swa_lr") ? new SWALR(optimizer, a.numbers("swa_lr"), annealEpochs, strategy)
                : new SWALR(optimizer, a.number("swa_lr"), annealEpochs, strategy);
    }

    /**
     * {@code ReduceLROnPlateau(optimizer, **args)}.
     *
     * @throws IllegalArgumentException for an unknown argument, or what the constructor throws
     */
    static ReduceLROnPlateau plateau(Optimizer optimizer, Map<String, Object> args) {
        GoldenArgs a = new GoldenArgs("ReduceLROnPlateau", args);
        ReduceLROnPlateau.Builder b = ReduceLROnPlateau.builder(optimizer)
                .mode(ReduceLROnPlateau.Mode.parse(a.string("mode", "min")))
                .factor(a.number("factor", 0.1))
                .patience(a.integer("patience", 10))
                .threshold(a.number("threshold", 1e-4))
                .thresholdMode(ReduceLROnPlateau.ThresholdMode.parse(a.string("threshold_mode", "rel")))
                .cooldown(a.integer("cooldown", 0))
                .eps(a.number("eps", 1e-8));
        if (a.has("min_lr")) {
            if (a.isList("min_lr")) {
                b.minLr(a.numbers("min_lr"));
            } else {
                b.minLr(a.number("min_lr"));
            }
        }
        a.done();
        return b.build();
    }
}
