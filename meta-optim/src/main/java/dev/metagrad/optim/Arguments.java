package dev.metagrad.optim;

/**
 * Argument checks shared by the transformations and aliases. Messages name the argument as the API spells it,
 * e.g. {@code lr must be >= 0, got -0.1}.
 */
public final class Arguments {
    private Arguments() {
    }

    /**
     * Requires {@code value >= 0} (NaN is rejected too).
     *
     * @throws IllegalArgumentException naming {@code name}
     */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0.0)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /**
     * Requires {@code 0 <= value < 1}, the range of exponential-decay rates such as Adam's betas.
     *
     * @throws IllegalArgumentException naming {@code name}
     */
    public static double unitInterval(String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /**
     * Requires {@code 0 <= value <= 1} (Adadelta's rho, RMSProp's alpha).
     *
     * @throws IllegalArgumentException naming {@code name}
     */
    public static double closedUnitInterval(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
        return value;
    }

    /**
     * Requires a non-null argument.
     *
     * @throws IllegalArgumentException naming {@code name}
     */
    public static <T> T nonNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
