package dev.metagrad.optim.torch.config;

import java.util.Objects;

/**
 * GraphGym's whole {@code cfg.optim} section: the optimizer and the scheduler settings, as read from a YAML file
 * by {@link OptimConfigYaml}.
 *
 * @param optimizer the optimizer settings
 * @param scheduler the scheduler settings
 */
public record OptimConfig(OptimizerConfig optimizer, SchedulerConfig scheduler) {
    /**
     * @throws NullPointerException when either half is null
     */
    public OptimConfig {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /** GraphGym's defaults for both halves. */
    public static OptimConfig defaults() {
        return new OptimConfig(OptimizerConfig.defaults(), SchedulerConfig.defaults());
    }
}
