package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.Arrays;

/** Batch and layer normalization, composed from differentiable reductions (batch statistics are in the graph). */
public final class Normalization {
    private Normalization() {
    }

    /**
     * F.batch_norm in training mode: per channel c (dim 1), over all other dims, {@code y = (x - mean) /
     * sqrt(var + eps) * w[c] + b[c]} with the biased variance.
     *
     * @param weight {@code [C]} or null
     * @param bias   {@code [C]} or null
     */
    public static Tensor batchNorm(Tensor x, Tensor weight, Tensor bias, double eps) {
        if (x.dim() < 2) {
            throw new IllegalArgumentException("batchNorm: expected input [N, C, ...], got " + Shape.str(x.shape()));
        }
        int[] dims = new int[x.dim() - 1];
        dims[0] = 0;
        for (int i = 2; i < x.dim(); i++) {
            dims[i - 1] = i;
        }
        int count = x.numel() / x.shape()[1];
        Checks.argument("batchNorm", count > 1 || x.numel() == 0,
                "expected more than 1 value per channel when training, got input of shape " + Shape.str(x.shape()));
        Tensor mean = Reductions.mean(x, dims, true);
        Tensor var = Reductions.var(x, dims, false, true);
        return affine("batchNorm", normalize(x, mean, var, eps), weight, bias, channelShape(x));
    }

    /**
     * F.batch_norm in evaluation mode: normalises with the given running statistics instead of the batch's.
     */
    public static Tensor batchNormEval(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                       double eps) {
        int[] cs = channelShape(x);
        Tensor mean = Views.reshape(runningMean, cs);
        Tensor var = Views.reshape(runningVar, cs);
        return affine("batchNorm", normalize(x, mean, var, eps), weight, bias, cs);
    }

    private static int[] channelShape(Tensor x) {
        int[] cs = new int[x.dim()];
        Arrays.fill(cs, 1);
        cs[1] = x.shape()[1];
        return cs;
    }

    /**
     * F.layer_norm: normalises over the trailing {@code normalizedShape} dims with the biased variance, then
     * {@code * weight + bias} (both of shape normalizedShape, or null).
     */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int k = normalizedShape.length;
        int[] shape = x.shape();
        boolean ok = k >= 1 && k <= shape.length;
        for (int i = 0; ok && i < k; i++) {
            ok = shape[shape.length - k + i] == normalizedShape[i];
        }
        if (!ok) {
            throw new IllegalArgumentException("layerNorm: normalizedShape " + Arrays.toString(normalizedShape)
                    + " must match the trailing dims of input " + Shape.str(shape));
        }
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = shape.length - k + i;
        }
        Tensor mean = Reductions.mean(x, dims, true);
        Tensor var = Reductions.var(x, dims, false, true);
        return affine("layerNorm", normalize(x, mean, var, eps), weight, bias, normalizedShape);
    }

    private static Tensor normalize(Tensor x, Tensor mean, Tensor var, double eps) {
        return Arithmetic.mul(Arithmetic.sub(x, mean), MathFunctions.rsqrt(Arithmetic.add(var, eps)));
    }

    private static Tensor affine(String op, Tensor y, Tensor weight, Tensor bias, int[] paramShape) {
        int n = Shape.numel(paramShape);
        if (weight != null) {
            if (weight.numel() != n) {
                throw new IllegalArgumentException(op + ": weight " + Shape.str(weight.shape()) + " must have " + n + " elements");
            }
            y = Arithmetic.mul(y, Views.reshape(weight, paramShape));
        }
        if (bias != null) {
            if (bias.numel() != n) {
                throw new IllegalArgumentException(op + ": bias " + Shape.str(bias.shape()) + " must have " + n + " elements");
            }
            y = Arithmetic.add(y, Views.reshape(bias, paramShape));
        }
        return y;
    }
}
