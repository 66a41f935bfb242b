package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Pooling;

/**
 * 2-D max pooling of {@code [N, C, H, W]} inputs ({@code torch.nn.MaxPool2d}): the maximum of each
 * window, padding counting as -infinity. Stride defaults to the kernel size, padding to 0, dilation to 1.
 * No parameters.
 */
public final class MaxPool2d extends Module {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;

    /** Pooling over {@code k x k} (or {@code kh x kw}) windows with torch's defaults. */
    public MaxPool2d(int... kernelSize) {
        this(builder(kernelSize));
    }

    private MaxPool2d(Builder b) {
        this.kernelSize = b.kernelSize;
        this.stride = b.stride == null ? b.kernelSize : b.stride;
        this.padding = b.padding;
        this.dilation = b.dilation;
        this.ceilMode = b.ceilMode;
    }

    /** Settings for pooling over {@code k x k} (or {@code kh x kw}) windows. */
    public static Builder builder(int... kernelSize) {
        return new Builder(Pairs.of("MaxPool2d", "kernelSize", kernelSize));
    }

    /** {@code F.max_pool2d(x, kernel, stride, padding, dilation, ceil_mode)}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return Pooling.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + Repr.pair(kernelSize) + ", stride=" + Repr.pair(stride) + ", padding=" + Repr.pair(padding)
                + ", dilation=" + Repr.pair(dilation) + ", ceil_mode=" + Repr.bool(ceilMode);
    }

    /** Settings of a {@link MaxPool2d}; pair-valued settings take one value for both dims or two. */
    public static final class Builder {
        private final int[] kernelSize;
        private int[] stride;
        private int[] padding = {0, 0};
        private int[] dilation = {1, 1};
        private boolean ceilMode;

        private Builder(int[] kernelSize) {
            this.kernelSize = kernelSize;
        }

        /** Step between windows (default: the kernel size). */
        public Builder stride(int... value) {
            this.stride = Pairs.of("MaxPool2d", "stride", value);
            return this;
        }

        /** -infinity padding on each side, at most half the kernel (default 0). */
        public Builder padding(int... value) {
            this.padding = Pairs.of("MaxPool2d", "padding", value);
            return this;
        }

        /** Spacing between window elements (default 1). */
        public Builder dilation(int... value) {
            this.dilation = Pairs.of("MaxPool2d", "dilation", value);
            return this;
        }

        /** Round the output size up instead of down (default false). */
        public Builder ceilMode(boolean value) {
            this.ceilMode = value;
            return this;
        }

        /** The layer; sizes are checked by the op on the first forward. */
        public MaxPool2d build() {
            return new MaxPool2d(this);
        }
    }
}
