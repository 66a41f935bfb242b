package dev.metagrad.examples.maml;

/**
 * Where the MAML command gets its outer optimizer: the one place that decides which Adam implementation
 * drives the outer loop.
 */
public final class OuterOptimizers {
    private OuterOptimizers() {
    }

    /**
     * Adam with {@code torch.optim.Adam} semantics and no weight decay: meta-optim's TorchOpt {@code adam}
     * ({@link OptimAdam}), equal to torch's up to rounding ({@link TorchAdam} is the exact local reference).
     *
     * @param lr    learning rate
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param eps   added to the bias-corrected root of the second moment
     */
    public static OuterOptimizer adam(double lr, double beta1, double beta2, double eps) {
        return new OptimAdam(lr, beta1, beta2, eps);
    }
}
