package dev.metagrad.nn;

import java.math.BigDecimal;

/** Formatting of module settings the way torch prints them, so printouts compare with torch's. */
final class Repr {
    private Repr() {
    }

    /** Python's {@code True} / {@code False}. */
    static String bool(boolean value) {
        return value ? "True" : "False";
    }

    /** A Python tuple of two ints, {@code (3, 3)}. */
    static String pair(int[] value) {
        return "(" + value[0] + ", " + value[1] + ")";
    }

    /** A Python float repr: {@code 1e-05}, {@code 0.0005}, {@code 0.1}, {@code 1.0}. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(value);
        if (a != 0 && (a < 1e-4 || a >= 1e16)) {
            String s = Double.toString(value);
            int e = s.indexOf('E');
            String mantissa = s.substring(0, e).replaceAll("\\.0$", "");
            int exponent = Integer.parseInt(s.substring(e + 1));
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
