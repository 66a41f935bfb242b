package dev.metagrad.nn.init;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

/**
 * Weight initialisations of {@code torch.nn.init} with torch's formulas. torch fills a tensor in place;
 * tensors here are immutable, so each method returns a new float64 leaf of the given shape (convert with
 * {@code to(DType)}). Random draws come from an explicit {@link Generator}, one per element in row-major
 * order, so a seed fixes the result.
 *
 * <p>Fans follow {@code _calculate_fan_in_and_fan_out}: for a weight of shape {@code [out, in, k...]},
 * {@code fan_in = in * prod(k)} and {@code fan_out = out * prod(k)}.
 */
public final class Init {
    private Init() {
    }

    /**
     * {@code in * prod(k)} for a weight of shape {@code [out, in, k...]}.
     *
     * @throws IllegalArgumentException for fewer than 2 dims, as torch
     */
    public static int fanIn(int[] shape) {
        return fan("fanIn", shape, FanMode.FAN_IN);
    }

    /**
     * {@code out * prod(k)} for a weight of shape {@code [out, in, k...]}.
     *
     * @throws IllegalArgumentException for fewer than 2 dims, as torch
     */
    public static int fanOut(int[] shape) {
        return fan("fanOut", shape, FanMode.FAN_OUT);
    }

    /** {@code calculate_gain(nonlinearity, negativeSlope)}; see {@link Nonlinearity#gain(double)}. */
    public static double calculateGain(Nonlinearity nonlinearity, double negativeSlope) {
        return nonlinearity.gain(negativeSlope);
    }

    /**
     * {@code uniform_(low, high)}: independent samples of U[low, high).
     *
     * @throws IllegalArgumentException when {@code low > high} or a bound is not finite
     */
    public static Tensor uniform(int[] shape, double low, double high, Generator rng) {
        check("uniform", Double.isFinite(low) && Double.isFinite(high) && low <= high,
                "expected finite low <= high, got low " + low + ", high " + high);
        checkShape("uniform", shape);
        double[] d = new double[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = low + (high - low) * rng.nextDouble();
        }
        return Tensor.of(d, shape);
    }

    /**
     * {@code normal_(mean, std)}: independent samples of N(mean, std^2).
     *
     * @throws IllegalArgumentException when std is negative or an argument is not finite
     */
    public static Tensor normal(int[] shape, double mean, double std, Generator rng) {
        check("normal", Double.isFinite(mean) && Double.isFinite(std) && std >= 0,
                "expected a finite mean and std >= 0, got mean " + mean + ", std " + std);
        checkShape("normal", shape);
        double[] d = new double[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = mean + std * rng.nextGaussian();
        }
        return Tensor.of(d, shape);
    }

    /** {@code constant_(value)}. */
    public static Tensor constant(int[] shape, double value) {
        checkShape("constant", shape);
        return Tensor.full(value, shape);
    }

    /** {@code zeros_}. */
    public static Tensor zeros(int[] shape) {
        return constant(shape, 0.0);
    }

    /** {@code ones_}. */
    public static Tensor ones(int[] shape) {
        return constant(shape, 1.0);
    }

    /** {@link #xavierUniform(int[], double, Generator)} with gain 1. */
    public static Tensor xavierUniform(int[] shape, Generator rng) {
        return xavierUniform(shape, 1.0, rng);
    }

    /**
     * {@code xavier_uniform_(gain)} (Glorot and Bengio, 2010): U(-a, a) with
     * {@code a = gain * sqrt(6 / (fan_in + fan_out))}, i.e. {@code std = gain * sqrt(2 / (fan_in + fan_out))}.
     *
     * @throws IllegalArgumentException for fewer than 2 dims
     */
    public static Tensor xavierUniform(int[] shape, double gain, Generator rng) {
        double std = xavierStd("xavierUniform", shape, gain);
        double a = Math.sqrt(3.0) * std;
        return uniform(shape, -a, a, rng);
    }

    /** {@link #xavierNormal(int[], double, Generator)} with gain 1. */
    public static Tensor xavierNormal(int[] shape, Generator rng) {
        return xavierNormal(shape, 1.0, rng);
    }

    /**
     * {@code xavier_normal_(gain)}: N(0, std^2) with {@code std = gain * sqrt(2 / (fan_in + fan_out))}.
     *
     * @throws IllegalArgumentException for fewer than 2 dims
     */
    public static Tensor xavierNormal(int[] shape, double gain, Generator rng) {
        return normal(shape, 0.0, xavierStd("xavierNormal", shape, gain), rng);
    }

    /** {@code kaiming_uniform_} with torch's defaults: a = 0, fan_in, leaky_relu (gain sqrt(2)). */
    public static Tensor kaimingUniform(int[] shape, Generator rng) {
        return kaimingUniform(shape, 0.0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, rng);
    }

    /**
     * {@code kaiming_uniform_(a, mode, nonlinearity)} (He et al., 2015): U(-bound, bound) with
     * {@code bound = sqrt(3) * gain / sqrt(fan)}, {@code gain = calculate_gain(nonlinearity, a)}. With
     * a = sqrt(5), fan_in and leaky_relu (the default of torch's Linear and Conv layers) the bound is
     * {@code 1 / sqrt(fan_in)}. A tensor without elements is returned empty, as torch does.
     *
     * @param a the negative slope of the leaky ReLU that follows (used only by {@link Nonlinearity#LEAKY_RELU})
     * @throws IllegalArgumentException for fewer than 2 dims
     */
    public static Tensor kaimingUniform(int[] shape, double a, FanMode mode, Nonlinearity nonlinearity, Generator rng) {
        double std = kaimingStd("kaimingUniform", shape, a, mode, nonlinearity);
        double bound = Math.sqrt(3.0) * std;
        return uniform(shape, -bound, bound, rng);
    }

    /** {@code kaiming_normal_} with torch's defaults: a = 0, fan_in, leaky_relu (gain sqrt(2)). */
    public static Tensor kaimingNormal(int[] shape, Generator rng) {
        return kaimingNormal(shape, 0.0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, rng);
    }

    /**
     * {@code kaiming_normal_(a, mode, nonlinearity)}: N(0, std^2) with {@code std = gain / sqrt(fan)}.
     *
     * @throws IllegalArgumentException for fewer than 2 dims
     */
    public static Tensor kaimingNormal(int[] shape, double a, FanMode mode, Nonlinearity nonlinearity, Generator rng) {
        return normal(shape, 0.0, kaimingStd("kaimingNormal", shape, a, mode, nonlinearity), rng);
    }

    private static double xavierStd(String op, int[] shape, double gain) {
        int fans = fan(op, shape, FanMode.FAN_IN) + fan(op, shape, FanMode.FAN_OUT);
        // an empty tensor has no fans; it is returned empty rather than divided by zero
        return fans == 0 ? 0.0 : gain * Math.sqrt(2.0 / fans);
    }

    private static double kaimingStd(String op, int[] shape, double a, FanMode mode, Nonlinearity nonlinearity) {
        int fan = fan(op, shape, mode);
        return fan == 0 ? 0.0 : nonlinearity.gain(a) / Math.sqrt(fan);
    }

    private static int fan(String op, int[] shape, FanMode mode) {
        checkShape(op, shape);
        check(op, shape.length >= 2, "fan in and fan out need a tensor of at least 2 dimensions, got shape "
                + Shape.str(shape));
        int receptiveField = 1;
        for (int i = 2; i < shape.length; i++) {
            receptiveField *= shape[i];
        }
        return (mode == FanMode.FAN_IN ? shape[1] : shape[0]) * receptiveField;
    }

    private static void checkShape(String op, int[] shape) {
        for (int d : shape) {
            check(op, d >= 0, "negative dimension in shape " + Shape.str(shape));
        }
    }

    private static void check(String op, boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("Init." + op + ": " + message);
        }
    }
}
