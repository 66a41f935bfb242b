package dev.metagrad.autograd.backend;

/**
 * Element-wise functions of two broadcast operands, {@code out = f(x, y)}. Comparison kernels yield
 * 0/1 in the operands' floating type (masks for derivatives); {@link Backend#compare} turns them into
 * {@code bool} tensors for the public API. The {@code *_BACKWARD} kernels fuse an activation's
 * vector-Jacobian product into one pass; ops use them only when no graph is being recorded.
 */
public enum BinaryKernel {
    /** {@code x + y}. */
    ADD {
        @Override
        public double apply(double x, double y) {
            return x + y;
        }
    },
    /** {@code x - y}. */
    SUB {
        @Override
        public double apply(double x, double y) {
            return x - y;
        }
    },
    /** {@code x * y}. */
    MUL {
        @Override
        public double apply(double x, double y) {
            return x * y;
        }
    },
    /** {@code x / y}. */
    DIV {
        @Override
        public double apply(double x, double y) {
            return x / y;
        }
    },
    /** {@code x^y}. */
    POW {
        @Override
        public double apply(double x, double y) {
            return Math.pow(x, y);
        }
    },
    /** Larger operand; NaN propagates as in torch.maximum. */
    MAXIMUM {
        @Override
        public double apply(double x, double y) {
            return Math.max(x, y);
        }
    },
    /** Smaller operand; NaN propagates as in torch.minimum. */
    MINIMUM {
        @Override
        public double apply(double x, double y) {
            return Math.min(x, y);
        }
    },
    /** {@code 1 if x > y else 0}. */
    GT {
        @Override
        public double apply(double x, double y) {
            return x > y ? 1.0 : 0.0;
        }
    },
    /** {@code 1 if x >= y else 0}. */
    GE {
        @Override
        public double apply(double x, double y) {
            return x >= y ? 1.0 : 0.0;
        }
    },
    /** {@code 1 if x < y else 0}. */
    LT {
        @Override
        public double apply(double x, double y) {
            return x < y ? 1.0 : 0.0;
        }
    },
    /** {@code 1 if x <= y else 0}. */
    LE {
        @Override
        public double apply(double x, double y) {
            return x <= y ? 1.0 : 0.0;
        }
    },
    /** {@code 1 if x == y else 0}. */
    EQ {
        @Override
        public double apply(double x, double y) {
            return x == y ? 1.0 : 0.0;
        }
    },
    /** {@code 1 if x != y else 0}. */
    NE {
        @Override
        public double apply(double x, double y) {
            return x != y ? 1.0 : 0.0;
        }
    },
    /** tanh's vector-Jacobian product from its output: {@code g (1 - y^2)} with x = g, y = tanh output. */
    TANH_BACKWARD {
        @Override
        public double apply(double g, double y) {
            return g * (1.0 - y * y);
        }
    },
    /** sigmoid's vector-Jacobian product from its output: {@code g y (1 - y)}. */
    SIGMOID_BACKWARD {
        @Override
        public double apply(double g, double y) {
            return g * (y * (1.0 - y));
        }
    },
    /** relu's vector-Jacobian product from its input: {@code g if x > 0 else 0}. */
    RELU_BACKWARD {
        @Override
        public double apply(double g, double x) {
            return x > 0 ? g : 0.0;
        }
    };

    /** The scalar function. */
    public abstract double apply(double x, double y);

    /**
     * {@code out[i] = f(x[i], y[i])} for equal-length operands. Per-constant overrides of the hot
     * kernels keep this loop free of a megamorphic call.
     */
    public void same(double[] x, double[] y, double[] out, int n) {
        switch (this) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] + y[i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] - y[i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] * y[i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] / y[i];
                }
            }
            case TANH_BACKWARD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] * (1.0 - y[i] * y[i]);
                }
            }
            case SIGMOID_BACKWARD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] * (y[i] * (1.0 - y[i]));
                }
            }
            case RELU_BACKWARD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = y[i] > 0 ? x[i] : 0.0;
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = apply(x[i], y[i]);
                }
            }
        }
    }

    /**
     * {@code out[r m + j] = f(x[r m + j], y[j])} for {@code x} of {@code n} elements and a trailing operand
     * {@code y} of {@code m} (a bias row broadcast over the leading dims), row by row: no per-element
     * {@code i % m} and, for the hot kernels, no megamorphic call.
     */
    public void trailing(double[] x, double[] y, double[] out, int n, int m) {
        for (int base = 0; base < n; base += m) {
            switch (this) {
                case ADD -> {
                    for (int j = 0; j < m; j++) {
                        out[base + j] = x[base + j] + y[j];
                    }
                }
                case SUB -> {
                    for (int j = 0; j < m; j++) {
                        out[base + j] = x[base + j] - y[j];
                    }
                }
                case MUL -> {
                    for (int j = 0; j < m; j++) {
                        out[base + j] = x[base + j] * y[j];
                    }
                }
                default -> {
                    for (int j = 0; j < m; j++) {
                        out[base + j] = apply(x[base + j], y[j]);
                    }
                }
            }
        }
    }
}
