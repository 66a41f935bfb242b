package dev.metagrad.conformance;

/**
 * The outcome of one golden case.
 *
 * @param id       the case id
 * @param op       what the case exercises (an op, algorithm or scheduler name)
 * @param passed   whether every compared value was within tolerance
 * @param field    for failures, what failed: {@code output}, {@code grads[k]}, {@code hvp[k]} or
 *                 {@code error}; null when passed
 * @param worstAbs for value mismatches, the largest absolute error in that field (NaN otherwise)
 * @param worstRel for value mismatches, the largest relative error in that field (NaN otherwise)
 * @param message  for errors and shape mismatches, what went wrong; null otherwise
 */
public record CaseResult(String id, String op, boolean passed, String field, double worstAbs, double worstRel,
                         String message) {
    /** The field name of failures that are not value mismatches: exceptions, unknown ops or arguments. */
    public static final String ERROR = "error";

    /** A passing case. */
    public static CaseResult pass(String id, String op) {
        return new CaseResult(id, op, true, null, Double.NaN, Double.NaN, null);
    }

    /** A case whose {@code field} is out of tolerance. */
    public static CaseResult mismatch(String id, String op, String field, double worstAbs, double worstRel) {
        return new CaseResult(id, op, false, field, worstAbs, worstRel, null);
    }

    /** A case whose {@code field} has the wrong structure (shape, dtype, null-ness). */
    public static CaseResult malformed(String id, String op, String field, String message) {
        return new CaseResult(id, op, false, field, Double.NaN, Double.NaN, message);
    }

    /**
     * The failure a comparison of {@code field} amounts to: {@link #malformed} for a structural problem (shape),
     * {@link #mismatch} for values out of tolerance; null when the comparison passed, so a case can go on.
     */
    public static CaseResult failureOf(String id, String op, String field, Tolerance.Comparison c) {
        if (c.passed()) {
            return null;
        }
        return c.problem() != null ? malformed(id, op, field, c.problem())
                : mismatch(id, op, field, c.worstAbs(), c.worstRel());
    }

    /** A case that could not run: unknown op or argument, malformed data, or an exception from the op. */
    public static CaseResult error(String id, String op, String message) {
        return new CaseResult(id, op, false, ERROR, Double.NaN, Double.NaN, message);
    }

    /**
     * The one-line report of a failure: {@code FAIL <id> <field> abs=<e> rel=<e>}, or
     * {@code FAIL <id> <field> <message>}; {@code PASS <id>} for a pass.
     */
    public String describe() {
        if (passed) {
            return "PASS " + id;
        }
        if (message != null) {
            // one line per case, whatever an exception message holds
            return "FAIL " + id + " " + field + " " + message.replace('\n', ' ').replace('\r', ' ');
        }
        return "FAIL " + id + " " + field + " abs=" + format(worstAbs) + " rel=" + format(worstRel);
    }

    private static String format(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.3e", v) : String.valueOf(v);
    }
}
