package dev.metagrad.nn.testing;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.BatchNorm1d;
import dev.metagrad.nn.Linear;
import dev.metagrad.nn.Module;
import dev.metagrad.nn.Params;

/**
 * Small user-defined models, written outside {@code dev.metagrad.nn} the way library users write them,
 * with nesting, an own parameter, an own buffer and a batch norm.
 */
public final class Nets {
    private Nets() {
    }

    /** {@code fc2(tanh(fc1(x)))}: 2 -> 3 -> 2. */
    public static final class Encoder extends Module {
        private final Linear fc1;
        private final Linear fc2;

        /** Initialised from {@code rng}. */
        public Encoder(Generator rng) {
            fc1 = registerModule("fc1", new Linear(2, 3, rng));
            fc2 = registerModule("fc2", new Linear(3, 2, rng));
        }

        @Override
        protected Tensor forward(Tensor x, Params p) {
            return p.forward(fc2, p.forward(fc1, x).tanh());
        }
    }

    /**
     * {@code head(bn(encoder(x) * scale + offset))}: own parameter {@code scale}, own buffer {@code offset},
     * children {@code encoder}, {@code bn}, {@code head} (2 -> 1).
     */
    public static final class Net extends Module {
        /** Initialised from {@code rng}. */
        public Net(Generator rng) {
            registerParameter("scale", Tensor.full(1.5, 1));
            registerBuffer("offset", Tensor.of(0.25, -0.5));
            registerModule("encoder", new Encoder(rng));
            registerModule("bn", new BatchNorm1d(2));
            registerModule("head", new Linear(2, 1, rng));
        }

        @Override
        protected Tensor forward(Tensor x, Params p) {
            Tensor h = p.forward("encoder", x).mul(p.get("scale")).add(p.get("offset"));
            return p.forward("head", p.forward("bn", h));
        }
    }

    /** One {@link Linear} 2 -> 2 registered twice, as {@code first} and {@code second}: {@code second(first(x))}. */
    public static final class Tied extends Module {
        /** Initialised from {@code rng}. */
        public Tied(Generator rng) {
            Linear shared = new Linear(2, 2, rng);
            registerModule("first", shared);
            registerModule("second", shared);
        }

        @Override
        protected Tensor forward(Tensor x, Params p) {
            return p.forward("second", p.forward("first", x));
        }
    }

    /** Registers whatever a test asks for, to exercise the registration checks. */
    public static final class Open extends Module {
        /** {@link Module#registerParameter}. */
        public Tensor parameter(String name, Tensor value) {
            return registerParameter(name, value);
        }

        /** {@link Module#registerBuffer(String, Tensor, boolean)}. */
        public Tensor buffer(String name, Tensor value, boolean persistent) {
            return registerBuffer(name, value, persistent);
        }

        /** {@link Module#registerModule}. */
        public <M extends Module> M module(String name, M module) {
            return registerModule(name, module);
        }

        @Override
        protected Tensor forward(Tensor x, Params p) {
            return x;
        }
    }
}
