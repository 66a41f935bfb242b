package dev.metagrad.optim.torch.config;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.torch.GroupSpec;
import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.Optimizers;
import dev.metagrad.optim.torch.Options;
import dev.metagrad.optim.torch.SGD;
import dev.metagrad.optim.torch.lr.CosineAnnealingLR;
import dev.metagrad.optim.torch.lr.LRScheduler;
import dev.metagrad.optim.torch.lr.MultiStepLR;
import dev.metagrad.optim.torch.lr.ReduceLROnPlateau;
import dev.metagrad.optim.torch.lr.StepLR;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Named optimizer and scheduler factories, GraphGym's {@code register.optimizer_dict} and
 * {@code register.scheduler_dict}: {@link #createOptimizer} looks up {@link OptimizerConfig#optimizer()} and
 * {@link #createScheduler} {@link SchedulerConfig#scheduler()}, and build what they name.
 * <pre>{@code
 * OptimConfig cfg = OptimConfigYaml.load(Path.of("config.yaml"));
 * Optimizer optimizer = OptimRegistry.builtIns().createOptimizer(model, cfg.optimizer());
 * LRScheduler scheduler = OptimRegistry.builtIns().createScheduler(optimizer, cfg.scheduler());
 * }</pre>
 *
 * <p>A registry is an immutable value: {@link #withOptimizer} and {@link #withScheduler} return a new registry
 * with one more factory, so there is no global mutable state (GraphGym's registry is a module-level dict that
 * any import can change). {@link #builtIns()} is the shared registry with GraphGym's built-ins:
 * <ul>
 *   <li>optimizer {@code "adam"}: {@code Adam(params, lr=base_lr, weight_decay=weight_decay)}</li>
 *   <li>optimizer {@code "sgd"}: {@code SGD(params, lr=base_lr, momentum=momentum, weight_decay=weight_decay)}</li>
 *   <li>scheduler {@code "none"} (also a null name): {@code StepLR(optimizer, step_size=max_epoch + 1)}, which keeps
 *       the lr for the whole run</li>
 *   <li>scheduler {@code "step"}: {@code MultiStepLR(optimizer, milestones=steps, gamma=lr_decay)}</li>
 *   <li>scheduler {@code "cos"}: {@code CosineAnnealingLR(optimizer, T_max=max_epoch)}</li>
 * </ul>
 * Names are case-sensitive.
 *
 * <p>Schedulers come in two kinds that share one namespace: a {@link SchedulerFactory} builds an
 * {@link LRScheduler}, stepped once per epoch ({@link #withScheduler}, {@link #createScheduler}); a
 * {@link PlateauSchedulerFactory} builds a {@link ReduceLROnPlateau}, stepped with a monitored metric
 * ({@link #withPlateauScheduler}, {@link #createPlateauScheduler}). Keeping them apart keeps both results
 * statically typed; a loop driven by a config file tells them apart with {@link #plateauSchedulerNames()}:
 * <pre>{@code
 * OptimRegistry registry = OptimRegistry.builtIns().withPlateauScheduler("plateau",
 *         (optimizer, c) -> ReduceLROnPlateau.builder(optimizer).factor(c.lrDecay()).build());
 * if (registry.plateauSchedulerNames().contains(cfg.scheduler().scheduler())) {
 *     ReduceLROnPlateau plateau = registry.createPlateauScheduler(optimizer, cfg.scheduler());
 *     // each epoch: plateau.step(validationLoss)
 * } else {
 *     LRScheduler scheduler = registry.createScheduler(optimizer, cfg.scheduler());
 *     // each epoch: scheduler.step()
 * }
 * }</pre>
 */
public final class OptimRegistry {
    private static final OptimRegistry EMPTY = new OptimRegistry(Map.of(), Map.of());
    private static final OptimRegistry BUILT_INS = EMPTY
            .withOptimizer("adam", (groups, c) -> Optimizers.create("Adam", groups,
                    Options.of("lr", c.baseLr(), "weight_decay", c.weightDecay())))
            .withOptimizer("sgd", (groups, c) -> new SGD(groups,
                    Options.of("lr", c.baseLr(), "momentum", c.momentum(), "weight_decay", c.weightDecay())))
            .withScheduler(SchedulerConfig.NONE, (optimizer, c) -> new StepLR(optimizer, c.maxEpoch() + 1))
            .withScheduler("step", (optimizer, c) -> new MultiStepLR(optimizer, c.steps(), c.lrDecay()))
            .withScheduler("cos", (optimizer, c) -> new CosineAnnealingLR(optimizer, c.maxEpoch()));

    private final Map<String, OptimizerFactory> optimizers;
    private final Map<String, Scheduler> schedulers;

    /** One registered scheduler: exactly one of the two factories is set. */
    private record Scheduler(SchedulerFactory perEpoch, PlateauSchedulerFactory onPlateau) {
    }

    private OptimRegistry(Map<String, OptimizerFactory> optimizers, Map<String, Scheduler> schedulers) {
        this.optimizers = optimizers;
        this.schedulers = schedulers;
    }

    /** The registry with GraphGym's built-in factories (shared and immutable). */
    public static OptimRegistry builtIns() {
        return BUILT_INS;
    }

    /** A registry without any factory, to start from when the built-ins should not be offered. */
    public static OptimRegistry empty() {
        return EMPTY;
    }

    /**
     * This registry plus {@code factory} under {@code name} ({@code register_optimizer(name)}).
     *
     * @throws IllegalArgumentException when the name is blank or taken (use {@link #withoutOptimizer} first to
     *                                  replace one)
     */
    public OptimRegistry withOptimizer(String name, OptimizerFactory factory) {
        checkName("withOptimizer", name);
        Objects.requireNonNull(factory, "factory");
        if (optimizers.containsKey(name)) {
            throw new IllegalArgumentException("withOptimizer: an optimizer named '" + name + "' is already registered");
        }
        Map<String, OptimizerFactory> copy = new LinkedHashMap<>(optimizers);
        copy.put(name, factory);
        return new OptimRegistry(Collections.unmodifiableMap(copy), schedulers);
    }

    /**
     * This registry without the optimizer {@code name}.
     *
     * @throws IllegalArgumentException when no optimizer has that name
     */
    public OptimRegistry withoutOptimizer(String name) {
        optimizerFactory("withoutOptimizer", name);
        Map<String, OptimizerFactory> copy = new LinkedHashMap<>(optimizers);
        copy.remove(name);
        return new OptimRegistry(Collections.unmodifiableMap(copy), schedulers);
    }

    /**
     * This registry plus {@code factory} under {@code name} ({@code register_scheduler(name)}).
     *
     * @throws IllegalArgumentException when the name is blank or taken (use {@link #withoutScheduler} first to
     *                                  replace one)
     */
    public OptimRegistry withScheduler(String name, SchedulerFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return withSchedulerEntry("withScheduler", name, new Scheduler(factory, null));
    }

    /**
     * This registry plus a {@link ReduceLROnPlateau} {@code factory} under {@code name}; build it with
     * {@link #createPlateauScheduler}. The name space is shared with {@link #withScheduler}.
     *
     * @throws IllegalArgumentException when the name is blank or taken by a scheduler of either kind (use
     *                                  {@link #withoutScheduler} first to replace one)
     */
    public OptimRegistry withPlateauScheduler(String name, PlateauSchedulerFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return withSchedulerEntry("withPlateauScheduler", name, new Scheduler(null, factory));
    }

    private OptimRegistry withSchedulerEntry(String op, String name, Scheduler entry) {
        checkName(op, name);
        if (schedulers.containsKey(name)) {
            throw new IllegalArgumentException(op + ": a scheduler named '" + name + "' is already registered");
        }
        Map<String, Scheduler> copy = new LinkedHashMap<>(schedulers);
        copy.put(name, entry);
        return new OptimRegistry(optimizers, Collections.unmodifiableMap(copy));
    }

    /**
     * This registry without the scheduler {@code name}, of either kind.
     *
     * @throws IllegalArgumentException when no scheduler has that name
     */
    public OptimRegistry withoutScheduler(String name) {
        scheduler("withoutScheduler", name);
        Map<String, Scheduler> copy = new LinkedHashMap<>(schedulers);
        copy.remove(name);
        return new OptimRegistry(optimizers, Collections.unmodifiableMap(copy));
    }

    /** The registered optimizer names, in registration order. */
    public Set<String> optimizerNames() {
        return optimizers.keySet();
    }

    /** The registered scheduler names of both kinds, in registration order. */
    public Set<String> schedulerNames() {
        return schedulers.keySet();
    }

    /**
     * The names of the registered {@link ReduceLROnPlateau} schedulers (built with {@link #createPlateauScheduler}),
     * in registration order; the other {@link #schedulerNames()} are built with {@link #createScheduler}.
     */
    public Set<String> plateauSchedulerNames() {
        Set<String> names = new LinkedHashSet<>();
        schedulers.forEach((name, entry) -> {
            if (entry.onPlateau() != null) {
                names.add(name);
            }
        });
        return Collections.unmodifiableSet(names);
    }

    /**
     * {@code create_optimizer(params, cfg)}: the configured optimizer over the parameters that require grad (as
     * GraphGym filters them), in one group of plain tensors ({@link Optimizer#params()} has the updated values).
     *
     * @throws IllegalArgumentException for an unknown name (listing the registered ones), no trainable parameter,
     *                                  or settings the optimizer rejects
     */
    public Optimizer createOptimizer(Iterable<Tensor> params, OptimizerConfig config) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(config, "config");
        OptimizerFactory factory = optimizerFactory("createOptimizer", config.optimizer());
        List<Tensor> trainable = new ArrayList<>();
        for (Tensor p : params) {
            if (Objects.requireNonNull(p, "a parameter is null").requiresGrad()) {
                trainable.add(p);
            }
        }
        return factory.create(List.of(GroupSpec.of(trainable)), config);
    }

    /**
     * The configured optimizer over {@code module}'s parameters, updated through the module (each step stores
     * the new parameters in it). The group holds every parameter, as a module group must; one that does not
     * require grad never gets a gradient, so it is never stepped, which is what GraphGym's filter achieves.
     *
     * @throws IllegalArgumentException for an unknown name (listing the registered ones) or settings the
     *                                  optimizer rejects
     */
    public Optimizer createOptimizer(Module module, OptimizerConfig config) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(config, "config");
        return optimizerFactory("createOptimizer", config.optimizer()).create(List.of(GroupSpec.of(module)), config);
    }

    /**
     * The configured optimizer over explicit param groups (each may override options).
     *
     * @throws IllegalArgumentException for an unknown name (listing the registered ones) or settings the
     *                                  optimizer rejects
     */
    public Optimizer createOptimizer(List<GroupSpec> groups, OptimizerConfig config) {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(config, "config");
        return optimizerFactory("createOptimizer", config.optimizer()).create(List.copyOf(groups), config);
    }

    /**
     * {@code create_scheduler(optimizer, cfg)}: the configured scheduler of {@code optimizer}. Like every torch
     * scheduler it takes its initial step when built, and sets each group's {@code initial_lr}.
     *
     * @throws IllegalArgumentException for an unknown name (listing the registered ones), the name of a
     *                                  {@link ReduceLROnPlateau} scheduler (built by {@link #createPlateauScheduler}),
     *                                  or settings the scheduler rejects
     */
    public LRScheduler createScheduler(Optimizer optimizer, SchedulerConfig config) {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(config, "config");
        String name = config.scheduler();
        Scheduler entry = scheduler("createScheduler", name);
        if (entry.perEpoch() == null) {
            throw new IllegalArgumentException("createScheduler: scheduler '" + name + "' is a ReduceLROnPlateau, "
                    + "which steps on a metric rather than once per epoch; build it with createPlateauScheduler");
        }
        return entry.perEpoch().create(optimizer, config);
    }

    /**
     * The configured {@link ReduceLROnPlateau} of {@code optimizer}, from a factory registered with
     * {@link #withPlateauScheduler}. Like torch's it takes no initial step: the lrs stay as the optimizer has them
     * until the first {@code step(metric)}.
     *
     * @throws IllegalArgumentException for an unknown name (listing the registered ones), the name of an
     *                                  {@link LRScheduler} (built by {@link #createScheduler}), or settings the
     *                                  scheduler rejects
     */
    public ReduceLROnPlateau createPlateauScheduler(Optimizer optimizer, SchedulerConfig config) {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(config, "config");
        String name = config.scheduler();
        Scheduler entry = scheduler("createPlateauScheduler", name);
        if (entry.onPlateau() == null) {
            throw new IllegalArgumentException("createPlateauScheduler: scheduler '" + name + "' is an LRScheduler, "
                    + "stepped once per epoch without a metric; build it with createScheduler");
        }
        return entry.onPlateau().create(optimizer, config);
    }

    private Scheduler scheduler(String op, String name) {
        Scheduler entry = schedulers.get(name);
        if (entry == null) {
            throw new IllegalArgumentException(op + ": scheduler '" + name + "' is not supported; valid schedulers: "
                    + schedulers.keySet() + " (register others with withScheduler or withPlateauScheduler)");
        }
        return entry;
    }

    private OptimizerFactory optimizerFactory(String op, String name) {
        OptimizerFactory f = optimizers.get(name);
        if (f == null) {
            throw new IllegalArgumentException(op + ": optimizer '" + name + "' is not supported; valid optimizers: "
                    + optimizers.keySet() + " (register others with withOptimizer)");
        }
        return f;
    }

    private static void checkName(String op, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(op + ": name must be non-blank, got " + (name == null ? "null" : "'" + name + "'"));
        }
    }

    @Override
    public String toString() {
        return "OptimRegistry(optimizers=" + optimizers.keySet() + ", schedulers=" + schedulers.keySet() + ")";
    }
}
