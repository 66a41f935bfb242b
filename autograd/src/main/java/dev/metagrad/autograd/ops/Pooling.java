package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

/**
 * 2-D max and average pooling (F.max_pool2d, F.avg_pool2d) over {@code [N, C, H, W]} inputs, built from
 * padding, a strided window view and a reduction, so the gradient (overlapping windows included) and
 * its derivatives come from those ops.
 */
public final class Pooling {
    private Pooling() {
    }

    /** torch's pooled size: {@code floor_or_ceil((size + 2p - d(k-1) - 1)/s) + 1}, pulled back in ceil mode when the last window starts in the right padding. */
    static int outputSize(int size, int k, int s, int p, int d, boolean ceilMode) {
        int span = size + 2 * p - d * (k - 1) - 1;
        int o = (ceilMode ? Math.floorDiv(span + s - 1, s) : Math.floorDiv(span, s)) + 1;
        if (ceilMode && (o - 1) * s >= size + p) {
            o--;
        }
        return o;
    }

    /**
     * F.max_pool2d: padding counts as -infinity; each output is the maximum of a window of {@code k}
     * elements spaced by the dilation, and its gradient goes to that element.
     *
     * @param stride null means the kernel size (torch's default)
     */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        Checks.rank("maxPool2d", "input", x, 4);
        Checks.floating("maxPool2d", x);
        int[] s = stride == null ? kernel : stride;
        Convolution.pair("maxPool2d", "kernel", kernel, 1);
        Convolution.pair("maxPool2d", "stride", s, 1);
        Convolution.pair("maxPool2d", "padding", padding, 0);
        Convolution.pair("maxPool2d", "dilation", dilation, 1);
        for (int i = 0; i < 2; i++) {
            Checks.argument("maxPool2d", padding[i] <= kernel[i] / 2,
                    "padding " + padding[i] + " must be at most half the kernel size " + kernel[i]);
        }
        int[] shape = x.shape();
        Window win = window("maxPool2d", shape, kernel, s, padding, dilation, ceilMode);
        Tensor xp = Indexing.pad(x, new int[] {padding[1], win.rightW, padding[0], win.rightH}, Double.NEGATIVE_INFINITY);
        Tensor windows = windows(xp, win, kernel, s, dilation);
        return Reductions.max(windows, -1, false).values();
    }

    /**
     * F.avg_pool2d: the mean of each window, zero padding; the divisor is {@code divisorOverride} if given,
     * else the window size including padding ({@code countIncludePad}) or only the elements inside the input.
     *
     * @param stride          null means the kernel size
     * @param divisorOverride null for torch's default divisor
     */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad, Integer divisorOverride) {
        Checks.rank("avgPool2d", "input", x, 4);
        Checks.floating("avgPool2d", x);
        int[] s = stride == null ? kernel : stride;
        int[] one = {1, 1};
        Convolution.pair("avgPool2d", "kernel", kernel, 1);
        Convolution.pair("avgPool2d", "stride", s, 1);
        Convolution.pair("avgPool2d", "padding", padding, 0);
        Checks.argument("avgPool2d", divisorOverride == null || divisorOverride != 0, "divisorOverride must be non-zero");
        for (int i = 0; i < 2; i++) {
            Checks.argument("avgPool2d", padding[i] <= kernel[i] / 2,
                    "padding " + padding[i] + " must be at most half the kernel size " + kernel[i]);
        }
        int[] shape = x.shape();
        int h = shape[2];
        int w = shape[3];
        Window win = window("avgPool2d", shape, kernel, s, padding, one, ceilMode);
        Tensor xp = Indexing.pad(x, new int[] {padding[1], win.rightW, padding[0], win.rightH}, 0.0);
        Tensor sums = Reductions.sum(windows(xp, win, kernel, s, one), new int[] {-1}, false);
        double[] divisor = new double[win.ho * win.wo];
        for (int i = 0; i < win.ho; i++) {
            for (int j = 0; j < win.wo; j++) {
                int hs = i * s[0] - padding[0];
                int ws = j * s[1] - padding[1];
                int he = Math.min(hs + kernel[0], h + padding[0]);
                int we = Math.min(ws + kernel[1], w + padding[1]);
                int poolSize = (he - hs) * (we - ws);
                hs = Math.max(hs, 0);
                ws = Math.max(ws, 0);
                he = Math.min(he, h);
                we = Math.min(we, w);
                divisor[i * win.wo + j] = divisorOverride != null ? divisorOverride
                        : countIncludePad ? poolSize : (he - hs) * (we - ws);
            }
        }
        return Arithmetic.div(sums, Tensor.of(divisor, x.dtype(), win.ho, win.wo));
    }

    private record Window(int ho, int wo, int rightH, int rightW, int hp, int wp) {
    }

    private static Window window(String op, int[] shape, int[] k, int[] s, int[] p, int[] d, boolean ceilMode) {
        int h = shape[2];
        int w = shape[3];
        int ho = outputSize(h, k[0], s[0], p[0], d[0], ceilMode);
        int wo = outputSize(w, k[1], s[1], p[1], d[1], ceilMode);
        if (ho <= 0 || wo <= 0) {
            throw new IllegalArgumentException(op + ": input " + Shape.str(shape) + " is too small for kernel "
                    + k[0] + "x" + k[1] + " (output would be " + ho + "x" + wo + ")");
        }
        // the right padding must also cover windows that ceil mode lets run past the input
        int rightH = Math.max(p[0], (ho - 1) * s[0] + d[0] * (k[0] - 1) + 1 - h - p[0]);
        int rightW = Math.max(p[1], (wo - 1) * s[1] + d[1] * (k[1] - 1) + 1 - w - p[1]);
        return new Window(ho, wo, rightH, rightW, h + p[0] + rightH, w + p[1] + rightW);
    }

    private static Tensor windows(Tensor xp, Window win, int[] k, int[] s, int[] d) {
        int n = xp.shape()[0];
        int c = xp.shape()[1];
        int hp = win.hp;
        int wp = win.wp;
        Tensor view = Indexing.asStrided(xp, new int[] {n, c, win.ho, win.wo, k[0], k[1]},
                new int[] {c * hp * wp, hp * wp, s[0] * wp, s[1], d[0] * wp, d[1]}, 0);
        return Views.reshape(view, n, c, win.ho, win.wo, k[0] * k[1]);
    }
}
