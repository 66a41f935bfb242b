package dev.metagrad.optim.torch.config;

/**
 * The optimizer half of GraphGym's {@code cfg.optim} ({@code torch_geometric.graphgym.optim.OptimizerConfig}):
 * which optimizer to build and its hyper-parameters. {@link OptimRegistry#createOptimizer} turns it into an
 * optimizer: {@code "adam"} is {@code Adam(lr=baseLr, weight_decay=weightDecay)}, {@code "sgd"} is
 * {@code SGD(lr=baseLr, momentum=momentum, weight_decay=weightDecay)}; a factory registered under another name
 * reads whichever fields it needs.
 *
 * @param optimizer   the registered name of the optimizer (GraphGym: {@code optimizer}, default {@code "adam"})
 * @param baseLr      the learning rate ({@code base_lr}, default 0.01)
 * @param weightDecay the weight decay ({@code weight_decay}, default 5e-4)
 * @param momentum    the momentum of SGD ({@code momentum}, default 0.9)
 */
public record OptimizerConfig(String optimizer, double baseLr, double weightDecay, double momentum) {
    private static final OptimizerConfig DEFAULTS = new OptimizerConfig("adam", 0.01, 5e-4, 0.9);

    /**
     * @throws IllegalArgumentException when the optimizer name is null or blank
     */
    public OptimizerConfig {
        if (optimizer == null || optimizer.isBlank()) {
            throw new IllegalArgumentException("OptimizerConfig: optimizer must be a non-blank name, got "
                    + (optimizer == null ? "null" : "'" + optimizer + "'"));
        }
    }

    /** GraphGym's defaults: {@code OptimizerConfig(optimizer='adam', base_lr=0.01, weight_decay=5e-4, momentum=0.9)}. */
    public static OptimizerConfig defaults() {
        return DEFAULTS;
    }

    /** This config with another optimizer name. */
    public OptimizerConfig withOptimizer(String value) {
        return new OptimizerConfig(value, baseLr, weightDecay, momentum);
    }

    /** This config with another learning rate. */
    public OptimizerConfig withBaseLr(double value) {
        return new OptimizerConfig(optimizer, value, weightDecay, momentum);
    }

    /** This config with another weight decay. */
    public OptimizerConfig withWeightDecay(double value) {
        return new OptimizerConfig(optimizer, baseLr, value, momentum);
    }

    /** This config with another momentum. */
    public OptimizerConfig withMomentum(double value) {
        return new OptimizerConfig(optimizer, baseLr, weightDecay, value);
    }
}
