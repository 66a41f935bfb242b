package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.Tolerance;

/** The first difference found in a case: thrown by {@link StateComparison} and turned into a {@link CaseResult}. */
final class Mismatch extends RuntimeException {
    private final String field;
    private final double worstAbs;
    private final double worstRel;
    private final String detail;

    private Mismatch(String field, double worstAbs, double worstRel, String detail) {
        super(field + (detail == null ? "" : " " + detail), null, false, false);
        this.field = field;
        this.worstAbs = worstAbs;
        this.worstRel = worstRel;
        this.detail = detail;
    }

    /** Values of {@code field} out of tolerance. */
    static Mismatch values(String field, double worstAbs, double worstRel) {
        return new Mismatch(field, worstAbs, worstRel, null);
    }

    /** {@code field} has the wrong structure: missing, extra, a type or a shape that differs. */
    static Mismatch structure(String field, String detail) {
        return new Mismatch(field, Double.NaN, Double.NaN, detail);
    }

    /**
     * Throws the mismatch a failed comparison of {@code field} amounts to: {@link #structure} for a shape
     * problem, {@link #values} for values out of tolerance; returns when it passed.
     */
    static void check(String field, Tolerance.Comparison c) {
        if (!c.passed()) {
            throw c.problem() != null ? structure(field, c.problem()) : values(field, c.worstAbs(), c.worstRel());
        }
    }

    /** The failed result this mismatch stands for. */
    CaseResult toResult(String id, String op) {
        return detail == null ? CaseResult.mismatch(id, op, field, worstAbs, worstRel) : CaseResult.malformed(id, op, field, detail);
    }
}
