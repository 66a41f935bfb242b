package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds a multilayer perceptron as a {@link Sequential} of {@link Linear} layers with an activation
 * between consecutive ones (none after the last), so parameter names match torch's
 * {@code nn.Sequential(nn.Linear(1, 40), nn.ReLU(), nn.Linear(40, 40), nn.ReLU(), nn.Linear(40, 1))}:
 * {@code 0.weight, 0.bias, 2.weight, ...}.
 * <pre>{@code
 * Sequential net = Mlp.builder().sizes(1, 40, 40, 1).activation(ReLU::new).generator(rng).build();
 * }</pre>
 */
public final class Mlp {
    private Mlp() {
    }

    /** Settings with ReLU activations and biases. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of an MLP. */
    public static final class Builder {
        private int[] sizes;
        private Supplier<? extends Module> activation = ReLU::new;
        private boolean bias = true;
        private Generator rng;

        private Builder() {
        }

        /** Layer widths from input to output; at least two (required). */
        public Builder sizes(int... value) {
            this.sizes = value == null ? null : value.clone();
            return this;
        }

        /** Makes one activation module per hidden layer (default {@code ReLU::new}). */
        public Builder activation(Supplier<? extends Module> value) {
            this.activation = value;
            return this;
        }

        /** Whether the linear layers have biases (default true). */
        public Builder bias(boolean value) {
            this.bias = value;
            return this;
        }

        /** The generator of the initial weights (required); layers draw from it in order. */
        public Builder generator(Generator value) {
            this.rng = value;
            return this;
        }

        /**
         * The network.
         *
         * @throws IllegalArgumentException for fewer than two sizes, a negative size, or no generator or activation
         */
        public Sequential build() {
            if (sizes == null || sizes.length < 2) {
                throw new IllegalArgumentException("Mlp: sizes needs at least an input and an output width, got "
                        + (sizes == null ? "none" : sizes.length + ""));
            }
            if (rng == null || activation == null) {
                throw new IllegalArgumentException("Mlp: " + (rng == null ? "a generator" : "an activation")
                        + " is required");
            }
            List<Module> layers = new ArrayList<>();
            for (int i = 0; i + 1 < sizes.length; i++) {
                if (i > 0) {
                    layers.add(activation.get());
                }
                layers.add(new Linear(sizes[i], sizes[i + 1], bias, rng));
            }
            return new Sequential(layers);
        }
    }
}
