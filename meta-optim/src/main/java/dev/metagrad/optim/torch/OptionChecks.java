package dev.metagrad.optim.torch;

import dev.metagrad.autograd.PyFloat;

/**
 * The option checks torch's constructors make, with torch's messages and Python's number formatting
 * ({@code "Invalid learning rate: -1.0"}, {@code "Invalid epsilon value: -1e-08"}, {@code "Invalid learning rate: -1"} for an
 * integer option),
 * for {@link Algorithm#validate} implementations. Every check also rejects NaN and values of the wrong type
 * (the typed getters of {@link Options} name the key).
 */
public final class OptionChecks {
    private OptionChecks() {
    }

    /**
     * Requires {@code 0 <= group[key]}, else {@code IllegalArgumentException(message + ": " + value)} with the value
     * as Python prints it ({@link #pyValue}).
     *
     * @return the value
     */
    public static double nonNegative(Options group, String key, String message) {
        double v = group.getDouble(key);
        if (!(v >= 0.0)) {
            throw new IllegalArgumentException(message + ": " + pyValue(group, key));
        }
        return v;
    }

    /** {@code lr >= 0}: {@code "Invalid learning rate: <lr>"}. */
    public static double learningRate(Options group) {
        return nonNegative(group, "lr", "Invalid learning rate");
    }

    /** {@code weight_decay >= 0}: {@code "Invalid weight_decay value: <wd>"}. */
    public static double weightDecay(Options group) {
        return nonNegative(group, "weight_decay", "Invalid weight_decay value");
    }

    /** {@code eps >= 0}: {@code "Invalid epsilon value: <eps>"}. */
    public static double epsilon(Options group) {
        return nonNegative(group, "eps", "Invalid epsilon value");
    }

    /**
     * {@code betas} is two numbers in {@code [0, 1)}: {@code "Invalid beta parameter at index i: <beta>"}.
     *
     * @return the two betas
     */
    public static double[] betas(Options group) {
        double[] b = group.getDoubles("betas", 2);
        for (int i = 0; i < 2; i++) {
            if (!(b[i] >= 0.0 && b[i] < 1.0)) {
                throw new IllegalArgumentException("Invalid beta parameter at index " + i + ": " + PyFloat.repr(b[i]));
            }
        }
        return b;
    }

    /**
     * The checks torch's Adam, Adamax, NAdam and RAdam constructors share, in their order: {@code lr >= 0},
     * {@code eps >= 0}, both betas in {@code [0, 1)}, {@code weight_decay >= 0}; the first that fails throws
     * its own message ({@link #learningRate}, {@link #epsilon}, {@link #betas}, {@link #weightDecay}).
     */
    public static void adamFamily(Options group) {
        learningRate(group);
        epsilon(group);
        betas(group);
        weightDecay(group);
    }

    /** Each key holds a boolean. */
    public static void flags(Options group, String... keys) {
        for (String k : keys) {
            group.getBoolean(k);
        }
    }

    /** Each key holds a boolean or null (torch's {@code Optional[bool]}, e.g. {@code foreach}, {@code fused}). */
    public static void optionalFlags(Options group, String... keys) {
        for (String k : keys) {
            Object v = group.get(k);
            if (v != null && !(v instanceof Boolean)) {
                throw new IllegalArgumentException("option \"" + k + "\" must be a boolean or null, got "
                        + v.getClass().getSimpleName() + " " + v);
            }
        }
    }

    /**
     * torch's implementation switches: {@code foreach} and {@code fused} (when present) are booleans or null and not
     * both true ({@code "`fused` and `foreach` cannot be `True` together."}).
     */
    public static void implementationFlags(Options group) {
        boolean foreach = group.has("foreach") && Boolean.TRUE.equals(checkOptionalFlag(group, "foreach"));
        boolean fused = group.has("fused") && Boolean.TRUE.equals(checkOptionalFlag(group, "fused"));
        if (foreach && fused) {
            throw new IllegalArgumentException("`fused` and `foreach` cannot be `True` together.");
        }
    }

    /**
     * A numeric option as torch's f-string prints it: an integer option ({@code lr=-1}) as the integer {@code -1}, a
     * float as Python's {@code repr} ({@code 1e-05}, {@code -1.0}, {@code nan}; {@link PyFloat#repr}).
     *
     * @throws IllegalArgumentException when the option is absent or not a number
     */
    public static String pyValue(Options group, String key) {
        Object raw = group.get(key);
        if (raw instanceof Long l) {
            return Long.toString(l);
        }
        return PyFloat.repr(group.getDouble(key));
    }

    private static Object checkOptionalFlag(Options group, String key) {
        optionalFlags(group, key);
        return group.get(key);
    }
}
