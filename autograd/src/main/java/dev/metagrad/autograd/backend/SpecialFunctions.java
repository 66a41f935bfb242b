package dev.metagrad.autograd.backend;

/** Scalar special functions the JDK lacks, accurate to a few ulps in double precision. */
public final class SpecialFunctions {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    private SpecialFunctions() {
    }

    /**
     * Gauss error function {@code erf(x) = 2/sqrt(pi) * integral_0^x e^(-t^2) dt}.
     * For |x| < 3 the all-positive series {@code erf(x) = 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) / (1*3*...*(2n+1))}
     * (no cancellation); beyond, {@code 1 - erfc(x)} with erfc from its continued fraction.
     */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax < 3.0) {
            double x2 = x * x;
            double term = ax;
            double sum = ax;
            for (int n = 1; n < 200; n++) {
                term *= 2.0 * x2 / (2 * n + 1);
                sum += term;
                if (term < sum * 1e-17) {
                    break;
                }
            }
            double r = TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
            return x < 0 ? -r : r;
        }
        double r = 1.0 - erfcLarge(ax);
        return x < 0 ? -r : r;
    }

    /** Complementary error function {@code 1 - erf(x)}, accurate in the tails. */
    public static double erfc(double x) {
        if (x >= 3.0) {
            return erfcLarge(x);
        }
        if (x <= -3.0) {
            return 2.0 - erfcLarge(-x);
        }
        return 1.0 - erf(x);
    }

    /** erfc(x) for x >= 3 by the Lentz evaluation of its continued fraction. */
    private static double erfcLarge(double x) {
        if (x > 27.3) {
            return 0.0;
        }
        // erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0.0;
        for (int k = 1; k < 500; k++) {
            double ak = k * 0.5;
            d = x + ak * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + ak / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / (f * 1.7724538509055159);
    }

    /**
     * Hyperbolic tangent from the exponential: {@code expm1(2|x|) / (expm1(2|x|) + 2)} below 0.5 (no
     * cancellation near 0), {@code (1 - e^(-2|x|)) / (1 + e^(-2|x|))} above, 1 beyond 22, sign restored.
     * Within 3 ulps of {@link Math#tanh}, which JDK 17 runs as a native call costing twice as much; tanh is
     * the hot op of small networks.
     */
    public static double tanh(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 0.5) {
            double e = Math.expm1(2 * ax);
            r = e / (e + 2);
        } else if (ax < 22) {
            double t = Math.exp(-2 * ax);
            r = (1 - t) / (1 + t);
        } else {
            // also maps NaN through the comparisons above to here; copySign keeps NaN as NaN below
            r = Double.isNaN(x) ? x : 1.0;
        }
        return Math.copySign(r, x);
    }

    /** {@code ln(1 + e^x)} without overflow. */
    public static double log1pExp(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
