package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.transform.NanToNumFunction;

import java.util.function.UnaryOperator;

/** Gradient hooks for {@link Transforms#registerHook} (TorchOpt {@code torchopt.hook}). */
public final class Hooks {
    private Hooks() {
    }

    /**
     * TorchOpt's {@code zero_nan_hook}: {@code g.nan_to_num(nan=0)}. Despite the name it also maps ±∞ to the
     * dtype's ± largest finite value (torch's defaults).
     */
    public static UnaryOperator<Tensor> zeroNanHook() {
        return g -> NanToNumFunction.apply(g, 0.0, null, null);
    }

    /**
     * TorchOpt's {@code nan_to_num_hook(nan, posinf, neginf)}: NaN → {@code nan}, ±∞ → {@code posinf}/
     * {@code neginf}, nulls meaning the dtype's ± largest finite value.
     */
    public static UnaryOperator<Tensor> nanToNumHook(double nan, Double posinf, Double neginf) {
        return g -> NanToNumFunction.apply(g, nan, posinf, neginf);
    }

    /** {@link #nanToNumHook(double, Double, Double)} with torch's defaults (0, ± largest finite). */
    public static UnaryOperator<Tensor> nanToNumHook() {
        return nanToNumHook(0.0, null, null);
    }
}
