package dev.metagrad.implicit.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;

import java.util.List;
import java.util.Map;

/** JSON access and comparisons shared by the {@code implicit} golden problems. */
final class Golden {
    static final String OP = "implicit";

    private Golden() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String what) {
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

    static int integer(Object value, String what) {
        double d = Json.toDouble(value);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + ": expected an integer, got " + Json.describe(value));
        }
        return (int) d;
    }

    /** The tolerance of {@code field} from the case's {@code tolerance} object. */
    static Tolerance tolerance(Map<String, Object> data, String field) {
        Map<String, Object> t = object(object(data.get("tolerance"), "tolerance").get(field), "tolerance." + field);
        return new Tolerance(Json.toDouble(t.get("rtol")), Json.toDouble(t.get("atol")));
    }

    /** Null when {@code actual} matches the encoded tensor {@code expected}; else the failure, naming the field. */
    static CaseResult compare(String id, String field, Tensor actual, Object expected, Tolerance tol) {
        Tolerance.Comparison c = tol.compare(actual, GoldenTensors.decode(expected, field));
        if (c.passed()) {
            return null;
        }
        return c.problem() != null ? CaseResult.malformed(id, OP, field, c.problem())
                : CaseResult.mismatch(id, OP, field, c.worstAbs(), c.worstRel());
    }
}
