package dev.metagrad.autograd.backend;

/**
 * Element-wise maps {@code out[i] = f(x[i]; a, b)} with up to two scalar parameters. Each constant
 * carries its own loop so the JIT compiles a tight, monomorphic loop per function; a native backend
 * may instead dispatch on the constant.
 */
public enum UnaryKernel {
    /** {@code x * a}. */
    SCALE {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] * a;
            }
        }
    },
    /** {@code x + a}. */
    SHIFT {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] + a;
            }
        }
    },
    /** {@code x * a + b}, e.g. {@code a - x} as {@code x * -1 + a}. */
    AFFINE {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] * a + b;
            }
        }
    },
    /** {@code a / x}. */
    RECIPROCAL_SCALED {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = a / x[i];
            }
        }
    },
    /** {@code e^x}. */
    EXP {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.exp(x[i]);
            }
        }
    },
    /** Natural logarithm. */
    LOG {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.log(x[i]);
            }
        }
    },
    /** {@code ln(1 + x)}, accurate near 0. */
    LOG1P {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.log1p(x[i]);
            }
        }
    },
    /** Square root. */
    SQRT {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.sqrt(x[i]);
            }
        }
    },
    /** {@code 1 / sqrt(x)}. */
    RSQRT {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = 1.0 / Math.sqrt(x[i]);
            }
        }
    },
    /** {@code |x|}. */
    ABS {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.abs(x[i]);
            }
        }
    },
    /** {@code sign(x)} in {-1, 0, 1} (NaN stays NaN). */
    SIGN {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.signum(x[i]);
            }
        }
    },
    /** Sine. */
    SIN {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.sin(x[i]);
            }
        }
    },
    /** Cosine. */
    COS {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.cos(x[i]);
            }
        }
    },
    /** Hyperbolic tangent. */
    TANH {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = SpecialFunctions.tanh(x[i]);
            }
        }
    },
    /** Logistic sigmoid {@code 1 / (1 + e^-x)}, evaluated without overflow for large |x|. */
    SIGMOID {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                double v = x[i];
                if (v >= 0) {
                    out[i] = 1.0 / (1.0 + Math.exp(-v));
                } else {
                    double e = Math.exp(v);
                    out[i] = e / (1.0 + e);
                }
            }
        }
    },
    /** Gauss error function. */
    ERF {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = SpecialFunctions.erf(x[i]);
            }
        }
    },
    /** {@code x^a}. */
    POW_SCALAR {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            if (a == 2.0) {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] * x[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.pow(x[i], a);
                }
            }
        }
    },
    /** {@code a^x}. */
    SCALAR_POW {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.pow(a, x[i]);
            }
        }
    },
    /** {@code min(max(x, a), b)}; pass -inf / +inf for a missing bound. */
    CLAMP {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                double v = x[i];
                out[i] = Double.isNaN(v) ? v : Math.min(Math.max(v, a), b);
            }
        }
    },
    /** {@code 1 if x > a else 0}: the step masks that derivatives of piecewise functions use. */
    STEP {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] > a ? 1.0 : 0.0;
            }
        }
    },
    /** {@code 1 if a <= x <= b else 0}: the mask of clamp's derivative (torch counts the bounds as inside). */
    INSIDE {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] >= a && x[i] <= b ? 1.0 : 0.0;
            }
        }
    },
    /** {@code max(x, 0)}. */
    RELU {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] > 0 ? x[i] : 0.0;
            }
        }
    },
    /** {@code x if x > 0 else a * x}. */
    LEAKY_RELU {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] > 0 ? x[i] : a * x[i];
            }
        }
    },
    /** {@code x if x > 0 else a * (e^x - 1)}. */
    ELU {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] > 0 ? x[i] : a * Math.expm1(x[i]);
            }
        }
    },
    /** Softplus with {@code beta = a}, {@code threshold = b}: {@code x if a x > b else ln(1 + e^(a x)) / a}. */
    SOFTPLUS {
        @Override
        public void apply(double[] x, double[] out, int n, double a, double b) {
            for (int i = 0; i < n; i++) {
                double bx = a * x[i];
                out[i] = bx > b ? x[i] : SpecialFunctions.log1pExp(bx) / a;
            }
        }
    };

    /** Applies the map to the first {@code n} elements of {@code x}, writing {@code out}. */
    public abstract void apply(double[] x, double[] out, int n, double a, double b);
}
