package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Convolution;
import dev.metagrad.nn.init.FanMode;
import dev.metagrad.nn.init.Init;
import dev.metagrad.nn.init.Nonlinearity;

/**
 * 2-D convolution over {@code [N, Cin, H, W]} inputs ({@code torch.nn.Conv2d}, zero padding) with
 * parameters {@code weight} {@code [Cout, Cin/groups, kh, kw]} and, unless disabled, {@code bias}
 * {@code [Cout]}. Build with {@link #builder(int, int, int...)}:
 * <pre>{@code
 * Conv2d conv = Conv2d.builder(3, 16, 3).padding(1).generator(rng).build();
 * }</pre>
 *
 * <p>torch's default initialisation: {@code weight} by {@code kaiming_uniform(a = sqrt(5))}, i.e.
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with {@code fan_in = Cin/groups * kh * kw}, then {@code bias} from
 * the same distribution.
 */
public final class Conv2d extends Module {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final int groups;
    private final boolean bias;

    private Conv2d(Builder b) {
        this.inChannels = b.inChannels;
        this.outChannels = b.outChannels;
        this.kernelSize = b.kernelSize;
        this.stride = b.stride;
        this.padding = b.padding;
        this.dilation = b.dilation;
        this.groups = b.groups;
        this.bias = b.bias;
        int[] shape = {outChannels, inChannels / groups, kernelSize[0], kernelSize[1]};
        registerParameter("weight", Init.kaimingUniform(shape, Math.sqrt(5), FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, b.rng));
        if (bias) {
            int fanIn = Init.fanIn(shape);
            double bound = fanIn > 0 ? 1.0 / Math.sqrt(fanIn) : 0.0;
            registerParameter("bias", Init.uniform(new int[] {outChannels}, -bound, bound, b.rng));
        }
    }

    /**
     * Starts a layer from {@code inChannels} to {@code outChannels} with a square ({@code k}) or
     * rectangular ({@code kh, kw}) kernel; stride 1, padding 0, dilation 1, groups 1 and a bias by default.
     */
    public static Builder builder(int inChannels, int outChannels, int... kernelSize) {
        return new Builder(inChannels, outChannels, Pairs.of("Conv2d", "kernelSize", kernelSize));
    }

    /** Input channels. */
    public int inChannels() {
        return inChannels;
    }

    /** Output channels. */
    public int outChannels() {
        return outChannels;
    }

    /** Kernel height and width. */
    public int[] kernelSize() {
        return kernelSize.clone();
    }

    /** Vertical and horizontal stride. */
    public int[] stride() {
        return stride.clone();
    }

    /** Zero padding added to each side, vertically and horizontally. */
    public int[] padding() {
        return padding.clone();
    }

    /** Spacing between kernel elements, vertically and horizontally. */
    public int[] dilation() {
        return dilation.clone();
    }

    /** Number of channel groups. */
    public int groups() {
        return groups;
    }

    /** Whether the layer has a bias. */
    public boolean hasBias() {
        return bias;
    }

    /** {@code F.conv2d(x, weight, bias, stride, padding, dilation, groups)}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return Convolution.conv2d(input, params.get("weight"), bias ? params.get("bias") : null, stride, padding,
                dilation, groups);
    }

    @Override
    protected String extraRepr() {
        StringBuilder sb = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=").append(Repr.pair(kernelSize)).append(", stride=").append(Repr.pair(stride));
        if (padding[0] != 0 || padding[1] != 0) {
            sb.append(", padding=").append(Repr.pair(padding));
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            sb.append(", dilation=").append(Repr.pair(dilation));
        }
        if (groups != 1) {
            sb.append(", groups=").append(groups);
        }
        if (!bias) {
            sb.append(", bias=False");
        }
        return sb.toString();
    }

    /** Settings of a {@link Conv2d}; each pair-valued setting takes one value for both dims or two. */
    public static final class Builder {
        private final int inChannels;
        private final int outChannels;
        private final int[] kernelSize;
        private int[] stride = {1, 1};
        private int[] padding = {0, 0};
        private int[] dilation = {1, 1};
        private int groups = 1;
        private boolean bias = true;
        private Generator rng;

        private Builder(int inChannels, int outChannels, int[] kernelSize) {
            this.inChannels = inChannels;
            this.outChannels = outChannels;
            this.kernelSize = kernelSize;
        }

        /** Step between windows (default 1). */
        public Builder stride(int... value) {
            this.stride = Pairs.of("Conv2d", "stride", value);
            return this;
        }

        /** Zeros added on each side (default 0). */
        public Builder padding(int... value) {
            this.padding = Pairs.of("Conv2d", "padding", value);
            return this;
        }

        /** Spacing between kernel elements (default 1). */
        public Builder dilation(int... value) {
            this.dilation = Pairs.of("Conv2d", "dilation", value);
            return this;
        }

        /** Channel groups; must divide both channel counts (default 1). */
        public Builder groups(int value) {
            this.groups = value;
            return this;
        }

        /** Whether to learn a bias (default true). */
        public Builder bias(boolean value) {
            this.bias = value;
            return this;
        }

        /** The generator of the initial weights (required). */
        public Builder generator(Generator value) {
            this.rng = value;
            return this;
        }

        /**
         * The layer, initialised from the generator.
         *
         * @throws IllegalArgumentException for non-positive channels, kernel, stride or dilation, negative
         *                                  padding, groups not dividing the channels, or no generator
         */
        public Conv2d build() {
            check(inChannels > 0 && outChannels > 0, "channels must be positive, got in " + inChannels + ", out " + outChannels);
            check(kernelSize[0] > 0 && kernelSize[1] > 0, "kernelSize must be positive, got " + Repr.pair(kernelSize));
            check(stride[0] > 0 && stride[1] > 0, "stride must be positive, got " + Repr.pair(stride));
            check(padding[0] >= 0 && padding[1] >= 0, "padding must be >= 0, got " + Repr.pair(padding));
            check(dilation[0] > 0 && dilation[1] > 0, "dilation must be positive, got " + Repr.pair(dilation));
            check(groups > 0 && inChannels % groups == 0 && outChannels % groups == 0,
                    "groups " + groups + " must divide in_channels " + inChannels + " and out_channels " + outChannels);
            check(rng != null, "a generator is required to initialise the weights; call generator(rng)");
            return new Conv2d(this);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException("Conv2d: " + message);
            }
        }
    }
}
