package dev.metagrad.autograd;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python 3's {@code repr(float)}, so that messages copied from torch ({@code "Invalid learning rate: 1e-05"}) print
 * their numbers as torch does.
 *
 * <p>The digits are the shortest decimal {@code d} that reads back as the same double, the closest to the double among
 * those (David Gay's mode 0, which CPython uses). Writing {@code d = m × 10^e} with one digit before the point of
 * {@code m}, the number is positional when {@code -4 <= e < 16} ({@code 0.0001}, {@code 100.0}, always with a
 * fractional part) and {@code m e±XX} otherwise ({@code 1e-05}, {@code 1e+16}, {@code 1.5e+300}, at least two exponent
 * digits); {@code inf}, {@code -inf}, {@code nan}, and {@code -0.0} keeps its sign.
 */
public final class PyFloat {
    /** Enough significant digits to tell every pair of doubles apart, so the search below always ends. */
    private static final int MAX_DIGITS = 17;

    private PyFloat() {
    }

    /**
     * {@code repr(x)} as Python 3 prints it.
     *
     * @param x any double
     * @return e.g. {@code "1e-05"}, {@code "0.002"}, {@code "-1.0"}, {@code "1.2345678901234568e+17"}, {@code "inf"}
     */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String sign = (Double.doubleToRawLongBits(x) < 0) ? "-" : "";
        if (x == 0.0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(x));
        String digits = shortest.unscaledValue().toString();
        // shortest = 0.digits × 10^(digits.length() - scale), so its first digit has this power of ten:
        int exponent = digits.length() - shortest.scale() - 1;
        return sign + (exponent >= -4 && exponent < 16 ? positional(digits, exponent) : scientific(digits, exponent));
    }

    /**
     * The shortest decimal that parses back to {@code a > 0}, without trailing zeros. For each precision the two
     * candidates are the neighbours of {@code a} (rounded down and up); the nearer one that round-trips wins. Both
     * are needed: next to a power of two the gap below {@code a} is half the gap above, so the nearer neighbour can
     * fall outside the round-trip interval while the farther one lies inside.
     */
    private static BigDecimal shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p <= MAX_DIGITS; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean downOk = down.doubleValue() == a;
            boolean upOk = up.doubleValue() == a;
            if (downOk && upOk) {
                int c = exact.subtract(down).compareTo(up.subtract(exact));
                // a tie cannot happen for p < 17 digits unless down == up (a exact); prefer the even last digit then
                boolean pickDown = c < 0 || (c == 0 && !down.unscaledValue().testBit(0));
                return (pickDown ? down : up).stripTrailingZeros();
            }
            if (downOk) {
                return down.stripTrailingZeros();
            }
            if (upOk) {
                return up.stripTrailingZeros();
            }
        }
        throw new AssertionError("no " + MAX_DIGITS + "-digit decimal reads back as " + a);
    }

    private static String positional(String digits, int exponent) {
        if (exponent < 0) {
            return "0." + "0".repeat(-exponent - 1) + digits;
        }
        int intDigits = exponent + 1;
        if (digits.length() <= intDigits) {
            return digits + "0".repeat(intDigits - digits.length()) + ".0";
        }
        return digits.substring(0, intDigits) + "." + digits.substring(intDigits);
    }

    private static String scientific(String digits, int exponent) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String magnitude = Integer.toString(Math.abs(exponent));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.length() < 2 ? "0" : "") + magnitude;
    }
}
