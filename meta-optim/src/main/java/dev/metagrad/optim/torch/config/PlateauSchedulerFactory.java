package dev.metagrad.optim.torch.config;

import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.lr.ReduceLROnPlateau;

/**
 * Builds a {@link ReduceLROnPlateau} from a {@link SchedulerConfig}: the second kind of scheduler an
 * {@link OptimRegistry} holds, for the one scheduler that steps on a monitored metric
 * ({@code scheduler.step(valLoss)}) rather than once per epoch, so it is not an {@code LRScheduler} and cannot
 * come from a {@link SchedulerFactory}.
 * <pre>{@code
 * OptimRegistry registry = OptimRegistry.builtIns().withPlateauScheduler("plateau",
 *         (optimizer, cfg) -> ReduceLROnPlateau.builder(optimizer).factor(cfg.lrDecay()).build());
 * ReduceLROnPlateau scheduler = registry.createPlateauScheduler(optimizer, cfg.scheduler());
 * }</pre>
 */
@FunctionalInterface
public interface PlateauSchedulerFactory {
    /**
     * The plateau scheduler of {@code optimizer} configured by {@code config}.
     *
     * @param optimizer the optimizer whose learning rates it reduces
     * @param config    the settings; a factory reads the fields it needs (e.g. {@code lrDecay} as the factor)
     * @throws IllegalArgumentException when the settings are invalid for this scheduler
     */
    ReduceLROnPlateau create(Optimizer optimizer, SchedulerConfig config);
}
