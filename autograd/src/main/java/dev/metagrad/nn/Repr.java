package dev.metagrad.nn;

import dev.metagrad.autograd.PyFloat;


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
        return PyFloat.repr(value);
    }
}
