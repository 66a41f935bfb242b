package dev.metagrad.conformance;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.json.Json;

import java.util.Arrays;
import java.util.Map;

/**
 * An element-wise tolerance {@code |actual - expected| <= atol + rtol * |expected|} (FORMAT.md section 2).
 * Shapes must match exactly; NaN matches only NaN and an infinity only the same infinity.
 *
 * @param rtol relative tolerance
 * @param atol absolute tolerance
 */
public record Tolerance(double rtol, double atol) {
    /** Forward values and first derivatives of autograd ops. */
    public static final Tolerance AUTOGRAD = new Tolerance(1e-9, 1e-10);
    /** Hessian-vector products of autograd ops. */
    public static final Tolerance AUTOGRAD_HVP = new Tolerance(1e-8, 1e-9);

    /**
     * The tolerance a golden case gives for one of its fields: {@code data.tolerance.<field> = {"rtol", "atol"}}
     * (FORMAT.md and FORMAT-torchopt.md section 2).
     *
     * @param data  the case's JSON object
     * @param field the compared field, e.g. {@code "x"} or {@code "trajectory"}
     * @throws IllegalArgumentException naming {@code tolerance} or {@code tolerance.<field>} when it is not an
     *                                  object, lacks rtol or atol, or holds something other than numbers
     */
    public static Tolerance forField(Map<String, Object> data, String field) {
        String what = "tolerance." + field;
        Map<String, Object> t = Json.asObject(Json.asObject(data.get("tolerance"), "tolerance").get(field), what);
        if (!t.containsKey("rtol") || !t.containsKey("atol")) {
            throw new IllegalArgumentException(what + ": needs rtol and atol");
        }
        return new Tolerance(Json.toDouble(t.get("rtol")), Json.toDouble(t.get("atol")));
    }

    /** Whether one element is within tolerance. */
    public boolean accepts(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (actual == expected) {
            return true; // covers equal infinities, whose difference would be NaN
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return false; // an infinite expected value would make the bound infinite and accept anything
        }
        return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }

    /**
     * Compares two tensors element-wise.
     *
     * @return the outcome, with the largest absolute and relative errors over all elements
     */
    public Comparison compare(Tensor actual, Tensor expected) {
        if (!Arrays.equals(actual.shape(), expected.shape())) {
            return Comparison.shapeMismatch("shape " + Shape.str(actual.shape()) + " != expected "
                    + Shape.str(expected.shape()));
        }
        return compare(actual.toDoubleArray(), expected.toDoubleArray());
    }

    /**
     * Compares two equally long arrays element-wise.
     *
     * @return the outcome, with the largest absolute and relative errors over all elements
     */
    public Comparison compare(double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            return Comparison.shapeMismatch(actual.length + " values != expected " + expected.length);
        }
        boolean ok = true;
        double worstAbs = 0;
        double worstRel = 0;
        for (int i = 0; i < actual.length; i++) {
            double a = actual[i];
            double e = expected[i];
            if (accepts(a, e)) {
                if (a == e || Double.isNaN(a)) {
                    continue;
                }
            } else {
                ok = false;
            }
            double abs = Math.abs(a - e);
            if (Double.isNaN(abs)) {
                abs = Double.POSITIVE_INFINITY; // NaN against a number, or opposite infinities
            }
            double rel = abs == 0 ? 0 : e == 0 ? Double.POSITIVE_INFINITY : abs / Math.abs(e);
            worstAbs = Math.max(worstAbs, abs);
            worstRel = Math.max(worstRel, rel);
        }
        return new Comparison(ok, null, worstAbs, worstRel);
    }

    /**
     * The outcome of a comparison.
     *
     * @param passed   every element within tolerance and the shapes equal
     * @param problem  a structural problem (shape mismatch), or null
     * @param worstAbs largest {@code |actual - expected|} (infinite for NaN against a number)
     * @param worstRel largest {@code |actual - expected| / |expected|}
     */
    public record Comparison(boolean passed, String problem, double worstAbs, double worstRel) {
        static Comparison shapeMismatch(String problem) {
            return new Comparison(false, problem, Double.NaN, Double.NaN);
        }
    }
}
