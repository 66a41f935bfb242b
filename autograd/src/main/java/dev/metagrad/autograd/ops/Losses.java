package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

/**
 * Loss functions of torch.nn.functional, composed from differentiable ops (so every order of derivative
 * works). Class targets are int64 tensors.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * F.cross_entropy with class-index targets: with {@code lp = log_softmax(logits, 1)} and smoothing eps,
     * {@code l_n = (1 - eps) (-lp[n, t_n]) + (eps / C) sum_c (-lp[n, c])}.
     *
     * @param logits         {@code [N, C]} scores
     * @param target         int64 {@code [N]} class indices in {@code [0, C)}
     * @param labelSmoothing eps in [0, 1]
     */
    public static Tensor crossEntropy(Tensor logits, Tensor target, Reduction reduction, double labelSmoothing) {
        Checks.argument("crossEntropy", labelSmoothing >= 0 && labelSmoothing <= 1,
                "labelSmoothing must be in [0, 1], got " + labelSmoothing);
        checkClassification("crossEntropy", logits, target);
        Tensor lp = Softmax.logSoftmax(logits, 1);
        Tensor loss = picked(lp, target);
        if (labelSmoothing > 0) {
            int classes = logits.shape()[1];
            Tensor uniform = Arithmetic.mul(Reductions.sum(lp, new int[] {1}, false), -labelSmoothing / classes);
            loss = Arithmetic.add(Arithmetic.mul(loss, 1.0 - labelSmoothing), uniform);
        }
        return reduction.apply(loss);
    }

    /** F.cross_entropy with mean reduction and no smoothing. */
    public static Tensor crossEntropy(Tensor logits, Tensor target) {
        return crossEntropy(logits, target, Reduction.MEAN, 0.0);
    }

    /** F.nll_loss: {@code l_n = -input[n, t_n]}, mean over N by default (no class weights). */
    public static Tensor nllLoss(Tensor logProbs, Tensor target, Reduction reduction) {
        checkClassification("nllLoss", logProbs, target);
        return reduction.apply(picked(logProbs, target));
    }

    private static Tensor picked(Tensor lp, Tensor target) {
        return Arithmetic.neg(Views.squeeze(Indexing.gather(lp, 1, Views.unsqueeze(target, 1)), 1));
    }

    private static void checkClassification(String op, Tensor input, Tensor target) {
        Checks.index(op, "target", target, input);
        if (input.dim() != 2 || target.dim() != 1 || target.shape()[0] != input.shape()[0]) {
            throw new IllegalArgumentException(op + ": expected input [N, C] and target [N], got "
                    + Shape.str(input.shape()) + " and " + Shape.str(target.shape()));
        }
        int classes = input.shape()[1];
        long[] t = target.toLongArray();
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0 || t[i] >= classes) {
                throw new IndexOutOfBoundsException(op + ": target " + t[i] + " at position " + i
                        + " is out of bounds for " + classes + " classes");
            }
        }
    }

    /** F.mse_loss: {@code (x - y)^2}, reduced. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return reduction.apply(Arithmetic.square(Arithmetic.sub(input, target)));
    }

    /** F.l1_loss: {@code |x - y|}, reduced. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return reduction.apply(MathFunctions.abs(Arithmetic.sub(input, target)));
    }

    /**
     * F.binary_cross_entropy_with_logits: {@code ln(1 + e^x) - x t} (= {@code max(x, 0) - x t + ln(1 + e^-|x|)}),
     * stable for any x; {@code dl/dx = sigmoid(x) - t} everywhere, x = 0 included; differentiable in the
     * target too ({@code dl/dt = -x}).
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor target, Reduction reduction) {
        Checks.broadcast("binaryCrossEntropyWithLogits", logits, target);
        // softplus without a linear region: its kernel is the stable max(x, 0) + ln(1 + e^-|x|) and its
        // derivative is sigmoid(x); relu(x) + ln(1 + e^-|x|) composed from relu and abs would give the
        // subgradients 0 and 0 at x = 0, so a zero logit would get -t instead of 1/2 - t
        Tensor softplus = Activations.softplus(logits, 1.0, Double.POSITIVE_INFINITY);
        Tensor loss = Arithmetic.sub(softplus, Arithmetic.mul(logits, target));
        return reduction.apply(loss);
    }

    /**
     * F.huber_loss with d = x - y: {@code d^2/2} where {@code |d| < delta}, else {@code delta (|d| - delta/2)}.
     */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        Checks.argument("huberLoss", delta > 0, "delta must be positive, got " + delta);
        Tensor d = Arithmetic.sub(input, target);
        Tensor ad = MathFunctions.abs(d);
        Tensor quadratic = Arithmetic.mul(Arithmetic.square(d), 0.5);
        Tensor linear = Arithmetic.mul(Arithmetic.add(ad, -0.5 * delta), delta);
        return reduction.apply(Comparisons.where(below(ad, delta), quadratic, linear));
    }

    /**
     * F.smooth_l1_loss with d = x - y: {@code d^2/(2 beta)} where {@code |d| < beta}, else {@code |d| - beta/2};
     * beta = 0 is the L1 loss.
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        Checks.argument("smoothL1Loss", beta >= 0, "beta must be non-negative, got " + beta);
        Tensor d = Arithmetic.sub(input, target);
        Tensor ad = MathFunctions.abs(d);
        if (beta == 0) {
            return reduction.apply(ad);
        }
        Tensor quadratic = Arithmetic.mul(Arithmetic.square(d), 0.5 / beta);
        Tensor linear = Arithmetic.add(ad, -0.5 * beta);
        return reduction.apply(Comparisons.where(below(ad, beta), quadratic, linear));
    }

    private static Tensor below(Tensor x, double bound) {
        return Comparisons.lt(x, Tensor.scalarLike(x, bound));
    }
}
