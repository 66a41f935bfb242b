package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Tensor;

/** Softmax and log-softmax along one dim, composed from {@link Reductions#logsumexp} (any order). */
public final class Softmax {
    private Softmax() {
    }

    /** {@code x - logsumexp(x, dim)} (F.log_softmax). */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return Arithmetic.sub(x, Reductions.logsumexp(x, new int[] {dim}, true));
    }

    /** {@code exp(x) / sum exp(x)} along {@code dim} (F.softmax), as {@code exp(logSoftmax)}. */
    public static Tensor softmax(Tensor x, int dim) {
        return MathFunctions.exp(logSoftmax(x, dim));
    }
}
