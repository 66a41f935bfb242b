package dev.metagrad.optim.torch.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler half of GraphGym's {@code cfg.optim} ({@code torch_geometric.graphgym.optim.SchedulerConfig}):
 * which learning-rate scheduler to build and its settings. {@link OptimRegistry#createScheduler} turns it into a
 * scheduler: {@code "none"} is {@code StepLR(step_size=maxEpoch + 1)} (the lr never changes within maxEpoch
 * epochs), {@code "step"} is {@code MultiStepLR(milestones=steps, gamma=lrDecay)}, {@code "cos"} is
 * {@code CosineAnnealingLR(T_max=maxEpoch)}; a factory registered under another name reads whichever fields it
 * needs (a {@link PlateauSchedulerFactory}, e.g., may use lrDecay as {@code ReduceLROnPlateau}'s factor; build
 * those with {@link OptimRegistry#createPlateauScheduler}).
 *
 * @param scheduler the registered name of the scheduler (GraphGym: {@code scheduler}, default {@code "cos"});
 *                  null (GraphGym's {@code None}) means {@code "none"}
 * @param steps     the epochs at which {@code "step"} multiplies the lr by lrDecay ({@code steps}, default
 *                  [30, 60, 90]); an unmodifiable copy
 * @param lrDecay   the factor of {@code "step"} ({@code lr_decay}, default 0.1)
 * @param maxEpoch  the number of training epochs ({@code max_epoch}, default 200)
 */
public record SchedulerConfig(String scheduler, List<Integer> steps, double lrDecay, int maxEpoch) {
    /** The name GraphGym's {@code None} scheduler maps to. */
    public static final String NONE = "none";
    private static final SchedulerConfig DEFAULTS = new SchedulerConfig("cos", List.of(30, 60, 90), 0.1, 200);

    /**
     * @throws IllegalArgumentException when the name is blank, or steps is null or holds a null
     */
    public SchedulerConfig {
        if (scheduler == null) {
            scheduler = NONE;
        }
        if (scheduler.isBlank()) {
            throw new IllegalArgumentException("SchedulerConfig: scheduler must be a non-blank name or null, got '" + scheduler + "'");
        }
        if (steps == null || new ArrayList<>(steps).contains(null)) {
            throw new IllegalArgumentException("SchedulerConfig: steps must be a list of epochs without nulls, got " + steps);
        }
        steps = List.copyOf(steps);
    }

    /** GraphGym's defaults: {@code SchedulerConfig(scheduler='cos', steps=[30, 60, 90], lr_decay=0.1, max_epoch=200)}. */
    public static SchedulerConfig defaults() {
        return DEFAULTS;
    }

    /** This config with another scheduler name (null means {@code "none"}). */
    public SchedulerConfig withScheduler(String value) {
        return new SchedulerConfig(value, steps, lrDecay, maxEpoch);
    }

    /** This config with other milestones. */
    public SchedulerConfig withSteps(List<Integer> value) {
        return new SchedulerConfig(scheduler, value, lrDecay, maxEpoch);
    }

    /** This config with another decay factor. */
    public SchedulerConfig withLrDecay(double value) {
        return new SchedulerConfig(scheduler, steps, value, maxEpoch);
    }

    /** This config with another epoch count. */
    public SchedulerConfig withMaxEpoch(int value) {
        return new SchedulerConfig(scheduler, steps, lrDecay, value);
    }
}
