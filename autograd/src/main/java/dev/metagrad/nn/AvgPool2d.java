package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Pooling;

/**
 * 2-D average pooling of {@code [N, C, H, W]} inputs ({@code torch.nn.AvgPool2d}): the mean of each
 * window with zero padding. Stride defaults to the kernel size, padding to 0; padded zeros count in the
 * divisor unless {@code countIncludePad(false)}; a divisor override replaces the window size. No parameters.
 */
public final class AvgPool2d extends Module {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;
    private final Integer divisorOverride;

    /** Pooling over {@code k x k} (or {@code kh x kw}) windows with torch's defaults. */
    public AvgPool2d(int... kernelSize) {
        this(builder(kernelSize));
    }

    private AvgPool2d(Builder b) {
        this.kernelSize = b.kernelSize;
        this.stride = b.stride == null ? b.kernelSize : b.stride;
        this.padding = b.padding;
        this.ceilMode = b.ceilMode;
        this.countIncludePad = b.countIncludePad;
        this.divisorOverride = b.divisorOverride;
    }

    /** Settings for pooling over {@code k x k} (or {@code kh x kw}) windows. */
    public static Builder builder(int... kernelSize) {
        return new Builder(Pairs.of("AvgPool2d", "kernelSize", kernelSize));
    }

    /** {@code F.avg_pool2d(x, kernel, stride, padding, ceil_mode, count_include_pad, divisor_override)}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return Pooling.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + Repr.pair(kernelSize) + ", stride=" + Repr.pair(stride) + ", padding=" + Repr.pair(padding);
    }

    /** Settings of an {@link AvgPool2d}; pair-valued settings take one value for both dims or two. */
    public static final class Builder {
        private final int[] kernelSize;
        private int[] stride;
        private int[] padding = {0, 0};
        private boolean ceilMode;
        private boolean countIncludePad = true;
        private Integer divisorOverride;

        private Builder(int[] kernelSize) {
            this.kernelSize = kernelSize;
        }

        /** Step between windows (default: the kernel size). */
        public Builder stride(int... value) {
            this.stride = Pairs.of("AvgPool2d", "stride", value);
            return this;
        }

        /** Zero padding on each side, at most half the kernel (default 0). */
        public Builder padding(int... value) {
            this.padding = Pairs.of("AvgPool2d", "padding", value);
            return this;
        }

        /** Round the output size up instead of down (default false). */
        public Builder ceilMode(boolean value) {
            this.ceilMode = value;
            return this;
        }

        /** Whether padded zeros count in the divisor (default true). */
        public Builder countIncludePad(boolean value) {
            this.countIncludePad = value;
            return this;
        }

        /** Divide every window sum by this instead of the window size (default: unset). */
        public Builder divisorOverride(int value) {
            this.divisorOverride = value;
            return this;
        }

        /** The layer; sizes are checked by the op on the first forward. */
        public AvgPool2d build() {
            return new AvgPool2d(this);
        }
    }
}
