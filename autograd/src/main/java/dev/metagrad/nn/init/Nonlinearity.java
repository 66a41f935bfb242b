package dev.metagrad.nn.init;

/**
 * The nonlinearities of {@code torch.nn.init.calculate_gain}, each with the gain that keeps activations'
 * variance stable when it follows a layer initialised with {@code std = gain / sqrt(fan)}.
 */
public enum Nonlinearity {
    /** No nonlinearity: gain 1. */
    LINEAR,
    /** A convolution without a nonlinearity: gain 1. */
    CONV2D,
    /** Logistic sigmoid: gain 1. */
    SIGMOID,
    /** tanh: gain 5/3. */
    TANH,
    /** ReLU: gain sqrt(2). */
    RELU,
    /** Leaky ReLU with negative slope a: gain sqrt(2 / (1 + a^2)). */
    LEAKY_RELU,
    /** SELU: gain 3/4. */
    SELU;

    /** torch's default negative slope of {@code calculate_gain("leaky_relu")} when none is given. */
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.01;

    /** The gain with torch's default parameter (negative slope 0.01 for {@link #LEAKY_RELU}). */
    public double gain() {
        return gain(DEFAULT_NEGATIVE_SLOPE);
    }

    /**
     * The recommended gain ({@code torch.nn.init.calculate_gain(nonlinearity, param)}); {@code negativeSlope}
     * matters only for {@link #LEAKY_RELU}.
     */
    public double gain(double negativeSlope) {
        return switch (this) {
            case LINEAR, CONV2D, SIGMOID -> 1.0;
            case TANH -> 5.0 / 3.0;
            case RELU -> Math.sqrt(2.0);
            case LEAKY_RELU -> Math.sqrt(2.0 / (1.0 + negativeSlope * negativeSlope));
            case SELU -> 0.75;
        };
    }
}
