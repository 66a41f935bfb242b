package dev.metagrad.optim.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one case's JSON object and the comparisons of FORMAT-torchopt.md section 2, each with the
 * tolerance the case gives for that field. A comparison returns null when it passes, else the failed result.
 */
final class Golden {
    final String id;
    final String op;
    final Map<String, Object> data;

    Golden(String id, String op, Map<String, Object> data) {
        this.id = id;
        this.op = op;
        this.data = data;
    }

    Object get(String field) {
        if (!data.containsKey(field)) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return data.get(field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + ": expected an object, got " + Json.describe(value));
        }
        return (Map<String, Object>) value;
    }

    static List<?> list(Object value, String what) {
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException(what + ": expected an array, got " + Json.describe(value));
        }
        return l;
    }

    /** A list of encoded tensors. */
    static List<Tensor> tensors(Object value, String what) {
        List<?> raw = list(value, what);
        List<Tensor> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(GoldenTensors.decode(raw.get(i), what + "[" + i + "]"));
        }
        return out;
    }

    /** The case's tolerance for {@code field}. */
    Tolerance tolerance(String field) {
        Map<String, Object> all = object(get("tolerance"), "tolerance");
        Map<String, Object> t = object(all.get(field), "tolerance." + field);
        if (!t.containsKey("rtol") || !t.containsKey("atol")) {
            throw new IllegalArgumentException("tolerance." + field + ": needs rtol and atol");
        }
        return new Tolerance(Json.toDouble(t.get("rtol")), Json.toDouble(t.get("atol")));
    }

    /** Compares two equally long lists of tensors; {@code field} names them in the result. */
    CaseResult compare(String field, List<Tensor> actual, List<Tensor> expected, Tolerance tol) {
        if (actual.size() != expected.size()) {
            return CaseResult.malformed(id, op, field, actual.size() + " tensors != expected " + expected.size());
        }
        for (int i = 0; i < actual.size(); i++) {
            Tolerance.Comparison c = tol.compare(actual.get(i), expected.get(i));
            if (!c.passed()) {
                String where = field + "[" + i + "]";
                return c.problem() != null ? CaseResult.malformed(id, op, where, c.problem())
                        : CaseResult.mismatch(id, op, where, c.worstAbs(), c.worstRel());
            }
        }
        return null;
    }

    /** Compares two arrays of numbers. */
    CaseResult compare(String field, double[] actual, double[] expected, Tolerance tol) {
        Tolerance.Comparison c = tol.compare(actual, expected);
        if (c.passed()) {
            return null;
        }
        return c.problem() != null ? CaseResult.malformed(id, op, field, c.problem())
                : CaseResult.mismatch(id, op, field, c.worstAbs(), c.worstRel());
    }

    static double[] numbers(Object value, String what) {
        List<?> raw = list(value, what);
        double[] out = new double[raw.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Json.toDouble(raw.get(i));
        }
        return out;
    }
}
