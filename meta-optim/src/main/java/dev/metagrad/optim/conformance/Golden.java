package dev.metagrad.optim.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;

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

    /** An object, or an empty one for null: TorchOpt's keyword arguments, which a case may leave out. */
    static Map<String, Object> object(Object value, String what) {
        return value == null ? Map.of() : Json.asObject(value, what);
    }

    /** The case's tolerance for {@code field}. */
    Tolerance tolerance(String field) {
        return Tolerance.forField(data, field);
    }

    /** Compares two equally long lists of tensors; {@code field} names them in the result. */
    CaseResult compare(String field, List<Tensor> actual, List<Tensor> expected, Tolerance tol) {
        if (actual.size() != expected.size()) {
            return CaseResult.malformed(id, op, field, actual.size() + " tensors != expected " + expected.size());
        }
        for (int i = 0; i < actual.size(); i++) {
            CaseResult failed = CaseResult.failureOf(id, op, field + "[" + i + "]", tol.compare(actual.get(i), expected.get(i)));
            if (failed != null) {
                return failed;
            }
        }
        return null;
    }

    /** Compares two arrays of numbers. */
    CaseResult compare(String field, double[] actual, double[] expected, Tolerance tol) {
        return CaseResult.failureOf(id, op, field, tol.compare(actual, expected));
    }

    static double[] numbers(Object value, String what) {
        List<?> raw = Json.asList(value, what);
        double[] out = new double[raw.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Json.toDouble(raw.get(i));
        }
        return out;
    }
}
