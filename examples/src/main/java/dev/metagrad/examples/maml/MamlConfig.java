package dev.metagrad.examples.maml;

/**
 * The inner-loop settings of MAML.
 *
 * @param innerSteps K, the SGD steps each task takes on its support set
 * @param innerLr    alpha, the inner SGD learning rate
 * @param firstOrder true for first-order MAML (inner gradients detached, FORMAT-maml.md M.4), false for
 *                   full second-order MAML
 */
public record MamlConfig(int innerSteps, double innerLr, boolean firstOrder) {
    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException for a negative step count or a non-finite learning rate
     */
    public MamlConfig {
        if (innerSteps < 0) {
            throw new IllegalArgumentException("MamlConfig: inner steps must be >= 0, got " + innerSteps);
        }
        if (!Double.isFinite(innerLr)) {
            throw new IllegalArgumentException("MamlConfig: inner learning rate must be finite, got " + innerLr);
        }
    }
}
