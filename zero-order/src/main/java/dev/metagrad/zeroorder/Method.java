package dev.metagrad.zeroorder;

/**
 * The zero-order gradient estimators. With N samples u_k drawn from the distribution, smoothing scale
 * σ, incoming gradient γ, and θ + σu_k meaning every differentiated argument j replaced by
 * θ_j + σ·u_{k,j} (one sample perturbs all differentiated arguments together), the estimate for
 * argument j is given per constant below (FORMAT-torchopt.md section 10).
 */
public enum Method {
    /** {@code (1/N) Σ_k γ · f(θ + σu_k) / σ · u_{k,j}}: one evaluation per sample, highest variance. */
    NAIVE,
    /**
     * {@code (1/N) Σ_k γ · (f(θ + σu_k) − f(θ)) / σ · u_{k,j}}: the textbook forward difference, using
     * the undisturbed output f(θ) as a baseline. TorchOpt's {@code method='forward'} is defective (it
     * chains the baseline through the samples and multiplies by σ); this is the corrected formula.
     */
    FORWARD,
    /**
     * {@code (1/N) Σ_k γ · (f(θ + σu_k) − f(θ − σu_k)) · (0.5/σ) · u_{k,j}}: central differences, two
     * evaluations per sample; the even part of f cancels, so the variance is lowest.
     */
    ANTITHETIC
}
