package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Normalization;

import java.util.Arrays;

/**
 * Layer normalisation over the trailing dims ({@code torch.nn.LayerNorm}):
 * {@code y = (x - mean) / sqrt(var + eps) * weight + bias}, with the mean and biased variance over the
 * last {@code normalizedShape.length} dims. Parameters {@code weight} (ones) and {@code bias} (zeros) of
 * shape {@code normalizedShape} unless disabled; eps 1e-5 by default. Behaves the same in training and
 * evaluation.
 */
public final class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;
    private final boolean elementwiseAffine;
    private final boolean bias;

    /** A layer over trailing dims of sizes {@code normalizedShape} with torch's defaults. */
    public LayerNorm(int... normalizedShape) {
        this(builder(normalizedShape));
    }

    private LayerNorm(Builder b) {
        if (b.normalizedShape.length == 0 || Arrays.stream(b.normalizedShape).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("LayerNorm: normalizedShape must be non-empty with positive sizes, got "
                    + Arrays.toString(b.normalizedShape));
        }
        if (!(b.eps >= 0) || Double.isInfinite(b.eps)) {
            throw new IllegalArgumentException("LayerNorm: eps must be finite and >= 0, got " + b.eps);
        }
        this.normalizedShape = b.normalizedShape.clone();
        this.eps = b.eps;
        this.elementwiseAffine = b.elementwiseAffine;
        this.bias = b.elementwiseAffine && b.bias;
        if (elementwiseAffine) {
            registerParameter("weight", Tensor.ones(normalizedShape));
            if (bias) {
                registerParameter("bias", Tensor.zeros(normalizedShape));
            }
        }
    }

    /** Settings for a layer over trailing dims of sizes {@code normalizedShape}. */
    public static Builder builder(int... normalizedShape) {
        return new Builder(normalizedShape);
    }

    /** Sizes of the normalised trailing dims. */
    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    /** Added to the variance before the square root. */
    public double eps() {
        return eps;
    }

    /** {@code F.layer_norm(x, normalizedShape, weight, bias, eps)}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        Tensor weight = elementwiseAffine ? params.get("weight") : null;
        Tensor b = bias ? params.get("bias") : null;
        return Normalization.layerNorm(input, normalizedShape, weight, b, eps);
    }

    @Override
    protected String extraRepr() {
        String shape = normalizedShape.length == 1 ? "(" + normalizedShape[0] + ",)"
                : Arrays.toString(normalizedShape).replace('[', '(').replace(']', ')');
        return shape + ", eps=" + Repr.number(eps) + ", elementwise_affine=" + Repr.bool(elementwiseAffine);
    }

    /** Settings of a {@link LayerNorm}, torch's defaults unless changed. */
    public static final class Builder {
        private final int[] normalizedShape;
        private double eps = 1e-5;
        private boolean elementwiseAffine = true;
        private boolean bias = true;

        private Builder(int[] normalizedShape) {
            this.normalizedShape = normalizedShape == null ? new int[0] : normalizedShape.clone();
        }

        /** Added to the variance (default 1e-5). */
        public Builder eps(double value) {
            this.eps = value;
            return this;
        }

        /** Whether to learn a weight (and bias) of shape normalizedShape (default true). */
        public Builder elementwiseAffine(boolean value) {
            this.elementwiseAffine = value;
            return this;
        }

        /** Whether the affine part has a bias (default true). */
        public Builder bias(boolean value) {
            this.bias = value;
            return this;
        }

        /**
         * The layer.
         *
         * @throws IllegalArgumentException for an empty shape, a non-positive size or a negative eps
         */
        public LayerNorm build() {
            return new LayerNorm(this);
        }
    }
}
