package dev.metagrad.optim.torch.config;

import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.lr.LRScheduler;

/**
 * Builds a learning-rate scheduler from a {@link SchedulerConfig} (a GraphGym {@code register_scheduler}
 * function): register one in an {@link OptimRegistry} under the name a config file uses.
 * <pre>{@code
 * OptimRegistry registry = OptimRegistry.builtIns().withScheduler("exp",
 *         (optimizer, cfg) -> new ExponentialLR(optimizer, cfg.lrDecay()));
 * }</pre>
 * The result is an {@link LRScheduler}, stepped once per epoch. {@code ReduceLROnPlateau}, which steps on a
 * metric and is not an {@link LRScheduler} here, is registered with a {@link PlateauSchedulerFactory} instead
 * ({@link OptimRegistry#withPlateauScheduler}).
 */
@FunctionalInterface
public interface SchedulerFactory {
    /**
     * The scheduler of {@code optimizer} configured by {@code config}.
     *
     * @param optimizer the optimizer whose learning rates it sets
     * @param config    the settings; a factory reads the fields it needs
     * @throws IllegalArgumentException when the settings are invalid for this scheduler
     */
    LRScheduler create(Optimizer optimizer, SchedulerConfig config);
}
