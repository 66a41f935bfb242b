package dev.metagrad.optim.torch.config;

import dev.metagrad.optim.torch.GroupSpec;
import dev.metagrad.optim.torch.Optimizer;

import java.util.List;

/**
 * Builds an optimizer from an {@link OptimizerConfig} (a GraphGym {@code register_optimizer} function):
 * register one in an {@link OptimRegistry} under the name a config file uses.
 * <pre>{@code
 * OptimRegistry registry = OptimRegistry.builtIns().withOptimizer("adamw",
 *         (groups, cfg) -> Optimizers.create("AdamW", groups, Options.of("lr", cfg.baseLr(), "weight_decay", cfg.weightDecay())));
 * }</pre>
 */
@FunctionalInterface
public interface OptimizerFactory {
    /**
     * The optimizer over {@code groups} configured by {@code config}.
     *
     * @param groups the param groups (one group of the trainable parameters for GraphGym's calls)
     * @param config the settings; a factory reads the fields it needs
     * @throws IllegalArgumentException when the settings are invalid for this optimizer
     */
    Optimizer create(List<GroupSpec> groups, OptimizerConfig config);
}
