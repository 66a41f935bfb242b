package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.tree.Trees;

import java.util.List;

/**
 * Clips updates by their global norm (TorchOpt {@code clip_grad_norm}), p = norm_type:
 * <pre>
 *   p = ∞:  total = max over leaves of max_k |g_k|                   (a NaN entry makes it NaN)
 *   else:   n_i = (Σ_k |g_{i,k}|^p)^(1/p);   total = (Σ_i n_i^p)^(1/p)
 *   coef = max_norm / (total + 1e-6);   c = 1 if coef > 1 else coef   (a NaN coef stays NaN)
 *   u = g · c                                                         (always multiplied, even by 1)
 * </pre>
 * As in TorchOpt the coefficient is a plain number (torch's {@code float(total_norm)}), so no gradient flows
 * through the norm. An infinite total gives {@code c = 0} (finite entries become ±0, infinite ones NaN); a NaN
 * total makes every output NaN (FORMAT-torchopt.md section 6.1).
 */
public final class ClipGradNorm extends StatelessTransformation {
    private final double maxNorm;
    private final double normType;
    private final boolean errorIfNonfinite;

    /**
     * @param normType the p of the norm, {@link Double#POSITIVE_INFINITY} for the max norm
     * @param errorIfNonfinite throw instead of clipping when the total norm is NaN or infinite
     * @throws IllegalArgumentException when {@code maxNorm < 0} or {@code normType <= 0}
     */
    public ClipGradNorm(double maxNorm, double normType, boolean errorIfNonfinite) {
        this.maxNorm = Arguments.nonNegative("max_norm", maxNorm);
        if (!(normType > 0.0)) {
            throw new IllegalArgumentException("norm_type must be > 0, got " + normType);
        }
        this.normType = normType;
        this.errorIfNonfinite = errorIfNonfinite;
    }

    /**
     * The total norm of order {@code normType} of all leaves of {@code tree}, as a plain number (0 for no
     * leaves).
     */
    public static double totalNorm(Object tree, double normType) {
        List<Tensor> leaves = Trees.leaves(tree);
        if (normType == Double.POSITIVE_INFINITY) {
            double max = 0.0;
            for (Tensor leaf : leaves) {
                for (double v : leaf.toDoubleArray()) {
                    double a = Math.abs(v);
                    if (Double.isNaN(a)) {
                        return Double.NaN; // torch's max propagates NaN
                    }
                    max = Math.max(max, a);
                }
            }
            return max;
        }
        double[] perLeaf = new double[leaves.size()];
        for (int i = 0; i < perLeaf.length; i++) {
            perLeaf[i] = pNorm(leaves.get(i).toDoubleArray(), normType);
        }
        return pNorm(perLeaf, normType);
    }

    private static double pNorm(double[] values, double p) {
        double sum = 0.0;
        if (p == 2.0) {
            for (double v : values) {
                sum += v * v;
            }
            return Math.sqrt(sum);
        }
        if (p == 1.0) {
            for (double v : values) {
                sum += Math.abs(v);
            }
            return sum;
        }
        for (double v : values) {
            sum += Math.pow(Math.abs(v), p);
        }
        return Math.pow(sum, 1.0 / p);
    }

    @Override
    Object apply(Object updates, Object params) {
        if (Trees.leaves(updates).isEmpty()) {
            return updates;
        }
        double total = totalNorm(updates, normType);
        if (errorIfNonfinite && !Double.isFinite(total)) {
            throw new IllegalArgumentException("clipGradNorm: the total norm of order " + normType
                    + " of the updates is non-finite (" + total + "), so they cannot be clipped; set errorIfNonfinite to false to clip anyway");
        }
        double coef = maxNorm / (total + 1e-6);
        double clamped = coef > 1.0 ? 1.0 : coef; // Python's min(coef, 1.0): keeps a NaN coef
        return Trees.map(updates, g -> g.mul(clamped));
    }
}
