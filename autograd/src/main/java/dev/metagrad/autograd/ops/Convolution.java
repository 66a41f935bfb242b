package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

/**
 * 2-D convolution (F.conv2d, cross-correlation with zero padding) as im2col + batched matmul: the input
 * windows are a strided view of the padded input ({@link Indexing#asStrided}), so the whole op, and its
 * backward, is made of linear differentiable pieces and works to any order.
 */
public final class Convolution {
    private Convolution() {
    }

    /**
     * {@code out[n,o,i,j] = b[o] + sum_{c,p,q} xpad[n, g Cin/groups + c, i sh + p dh, j sw + q dw] w[o,c,p,q]}.
     *
     * @param x        {@code [N, Cin, H, W]}
     * @param weight   {@code [Cout, Cin/groups, kh, kw]}
     * @param bias     {@code [Cout]} or null
     * @param stride   {@code [sh, sw]}
     * @param padding  {@code [ph, pw]}
     * @param dilation {@code [dh, dw]}
     * @param groups   number of groups; divides Cin and Cout
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        Checks.sameKind("conv2d", x, weight);
        Checks.rank("conv2d", "input", x, 4);
        Checks.rank("conv2d", "weight", weight, 4);
        pair("conv2d", "stride", stride, 1);
        pair("conv2d", "padding", padding, 0);
        pair("conv2d", "dilation", dilation, 1);
        int n = x.shape()[0];
        int cin = x.shape()[1];
        int h = x.shape()[2];
        int w = x.shape()[3];
        int cout = weight.shape()[0];
        int kh = weight.shape()[2];
        int kw = weight.shape()[3];
        Checks.argument("conv2d", groups >= 1 && cin % groups == 0 && cout % groups == 0,
                "groups " + groups + " must divide both in_channels " + cin + " and out_channels " + cout);
        if (weight.shape()[1] != cin / groups) {
            throw new IllegalArgumentException("conv2d: weight " + Shape.str(weight.shape()) + " expects "
                    + weight.shape()[1] * groups + " input channels but input " + Shape.str(x.shape()) + " has " + cin);
        }
        int hp = h + 2 * padding[0];
        int wp = w + 2 * padding[1];
        int ho = (hp - dilation[0] * (kh - 1) - 1) / stride[0] + 1;
        int wo = (wp - dilation[1] * (kw - 1) - 1) / stride[1] + 1;
        if (hp - dilation[0] * (kh - 1) - 1 < 0 || wp - dilation[1] * (kw - 1) - 1 < 0) {
            throw new IllegalArgumentException("conv2d: kernel " + kh + "x" + kw + " with dilation " + dilation[0] + "x"
                    + dilation[1] + " is larger than the padded input " + hp + "x" + wp);
        }
        if (bias != null && (bias.dim() != 1 || bias.shape()[0] != cout)) {
            throw new IllegalArgumentException("conv2d: bias must have shape [" + cout + "], got " + Shape.str(bias.shape()));
        }
        Tensor xp = padding[0] == 0 && padding[1] == 0 ? x
                : Indexing.pad(x, new int[] {padding[1], padding[1], padding[0], padding[0]}, 0.0);
        int cg = cin / groups;
        Tensor cols = Indexing.asStrided(xp, new int[] {n, cin, kh, kw, ho, wo},
                new int[] {cin * hp * wp, hp * wp, dilation[0] * wp, dilation[1], stride[0] * wp, stride[1]}, 0);
        cols = Views.reshape(cols, n, groups, cg * kh * kw, ho * wo);
        Tensor wm = Views.reshape(weight, 1, groups, cout / groups, cg * kh * kw);
        Tensor y = Views.reshape(LinearAlgebra.matmul(wm, cols), n, cout, ho, wo);
        return bias == null ? y : Arithmetic.add(y, Views.reshape(bias, 1, cout, 1, 1));
    }

    static void pair(String op, String name, int[] v, int min) {
        if (v == null || v.length != 2 || v[0] < min || v[1] < min) {
            throw new IllegalArgumentException(op + ": " + name + " must be two integers >= " + min + ", got "
                    + java.util.Arrays.toString(v));
        }
    }
}
