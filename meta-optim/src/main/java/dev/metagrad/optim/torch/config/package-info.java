/**
 * GraphGym-style configuration of training ({@code torch_geometric.graphgym.optim}): the
 * {@link dev.metagrad.optim.torch.config.OptimizerConfig} and {@link dev.metagrad.optim.torch.config.SchedulerConfig}
 * records with GraphGym's defaults, the {@code optim:} section of a YAML file
 * ({@link dev.metagrad.optim.torch.config.OptimConfigYaml}), and the immutable
 * {@link dev.metagrad.optim.torch.config.OptimRegistry} of named factories that turns them into a
 * {@code torch.optim} optimizer and learning-rate scheduler ({@code create_optimizer}, {@code create_scheduler});
 * a {@link dev.metagrad.optim.torch.config.PlateauSchedulerFactory} registers {@code ReduceLROnPlateau}, which
 * steps on a metric, as a second, separately typed kind of scheduler.
 */
package dev.metagrad.optim.torch.config;
