package dev.metagrad.optim.transform;

import dev.metagrad.autograd.CustomFunction;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;

/**
 * {@code torch.nan_to_num} as a differentiable function: NaN → {@code nan}, +∞ → {@code posinf}, −∞ →
 * {@code neginf}, other entries unchanged. A null {@code posinf}/{@code neginf} means the largest/lowest
 * finite value of the dtype. As in torch, the backward is {@code grad · isfinite(x)}, written with tensor ops
 * (a constant mask), so it is differentiable again.
 */
public final class NanToNumFunction extends CustomFunction {
    private final double nan;
    private final Double posinf;
    private final Double neginf;

    /** The function with the given replacements (nulls mean the dtype's extreme finite values). */
    public NanToNumFunction(double nan, Double posinf, Double neginf) {
        this.nan = nan;
        this.posinf = posinf;
        this.neginf = neginf;
    }

    /** Applies the replacement to one tensor. */
    public static Tensor apply(Tensor x, double nan, Double posinf, Double neginf) {
        return new NanToNumFunction(nan, posinf, neginf).apply(x);
    }

    @Override
    protected String name() {
        return "nan_to_num";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor x = inputs[0];
        double max = x.dtype() == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        double hi = posinf != null ? posinf : max;
        double lo = neginf != null ? neginf : -max;
        double[] v = x.toDoubleArray();
        double[] finite = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double e = v[i];
            finite[i] = Double.isFinite(e) ? 1.0 : 0.0;
            v[i] = Double.isNaN(e) ? nan : e == Double.POSITIVE_INFINITY ? hi : e == Double.NEGATIVE_INFINITY ? lo : e;
        }
        ctx.save(Tensor.of(finite, x.dtype(), x.shape()));
        return Tensor.of(v, x.dtype(), x.shape());
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        return new Tensor[] {gradOutput.mul(ctx.saved(0))};
    }
}
