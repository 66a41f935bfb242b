package dev.metagrad.examples.data;

import dev.metagrad.autograd.Tensor;

import java.util.Arrays;

/**
 * Per-feature standardization {@code z = (x − mean) / scale} with statistics fitted on one matrix (the
 * training rows) and applied to others, so that validation and test rows never inform the scaling
 * (scikit-learn's {@code StandardScaler}: population standard deviation, and a scale of 1 for a constant
 * feature).
 *
 * @param mean  per-feature mean {@code [features]}
 * @param scale per-feature scale {@code [features]}, all positive
 */
public record Standardizer(Tensor mean, Tensor scale) {
    /**
     * A standardizer.
     *
     * @throws IllegalArgumentException when the shapes differ or a scale is not positive
     */
    public Standardizer {
        if (mean.dim() != 1 || !Arrays.equals(mean.shape(), scale.shape())) {
            throw new IllegalArgumentException("Standardizer: mean and scale must both be [features], got "
                    + Arrays.toString(mean.shape()) + " and " + Arrays.toString(scale.shape()));
        }
        for (double s : scale.toDoubleArray()) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("Standardizer: scales must be positive and finite, got " + s);
            }
        }
    }

    /**
     * Fits the statistics of {@code x}: {@code mean_j = Σ_i x_ij / n}, {@code scale_j = sqrt(Σ_i (x_ij −
     * mean_j)² / n)}, or 1 where that is 0.
     *
     * @throws IllegalArgumentException when {@code x} is not a non-empty matrix
     */
    public static Standardizer fit(Tensor x) {
        if (x.dim() != 2 || x.size(0) == 0) {
            throw new IllegalArgumentException("Standardizer.fit: expected a non-empty [rows, features] matrix, got "
                    + Arrays.toString(x.shape()));
        }
        int n = x.size(0);
        int d = x.size(1);
        double[] v = x.toDoubleArray();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double c = v[i * d + j] - mean[j];
                scale[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(scale[j] / n);
            scale[j] = s > 0 ? s : 1.0;
        }
        return new Standardizer(Tensor.of(mean, d), Tensor.of(scale, d));
    }

    /**
     * Standardizes the rows of {@code x} with these statistics.
     *
     * @throws IllegalArgumentException when {@code x} is not {@code [rows, features]}
     */
    public Tensor transform(Tensor x) {
        if (x.dim() != 2 || x.size(1) != mean.size(0)) {
            throw new IllegalArgumentException("Standardizer.transform: expected [rows, " + mean.size(0) + "], got "
                    + Arrays.toString(x.shape()));
        }
        return x.sub(mean).div(scale);
    }
}
