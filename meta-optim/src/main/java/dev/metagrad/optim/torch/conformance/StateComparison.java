package dev.metagrad.optim.torch.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.OptimizerStateDict;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares golden values with the library's (FORMAT.md sections 2, 4.2 and 4.5); every method throws a
 * {@link Mismatch} naming the first differing field.
 */
final class StateComparison {
    /** Integer-valued state compared exactly (FORMAT.md section 2), whether a number or a 0-dim tensor. */
    static final Set<String> EXACT_KEYS = Set.of("step", "n_iter", "func_evals");
    /** torch bookkeeping keys of param_groups that do not change the arithmetic; a runner may lack them. */
    static final Set<String> BOOKKEEPING_KEYS = Set.of("foreach", "differentiable", "capturable", "fused");

    private StateComparison() {
    }

    /** {@code actual} against the golden tensor object {@code expected}. */
    static void tensor(String field, Tensor actual, Object expected, Tolerance tol) {
        Tensor want = GoldenTensors.decode(expected, field + " (golden)");
        if (actual == null) {
            throw Mismatch.structure(field, "is missing, expected shape " + Arrays.toString(want.shape()));
        }
        Mismatch.check(field, tol.compare(actual.to(want.dtype()), want));
    }

    /** One number. */
    static void number(String field, double actual, double expected, Tolerance tol) {
        Mismatch.check(field, tol.compare(new double[] {actual}, new double[] {expected}));
    }

    /**
     * A golden state value (tensor object, number, null or list of these) against the library's; a scalar may be
     * a plain number on one side and a 0-dim tensor on the other.
     */
    static void value(String field, Object actual, Object expected, Tolerance tol) {
        if (expected == null) {
            if (actual != null) {
                throw Mismatch.structure(field, "expected null, got " + describe(actual));
            }
            return;
        }
        if (expected instanceof List<?> el) {
            if (!(actual instanceof List<?> al)) {
                throw Mismatch.structure(field, "expected a list of " + el.size() + ", got " + describe(actual));
            }
            if (al.size() != el.size()) {
                throw Mismatch.structure(field, "list of " + al.size() + " != expected " + el.size());
            }
            for (int i = 0; i < el.size(); i++) {
                value(field + "[" + i + "]", al.get(i), el.get(i), tol);
            }
            return;
        }
        if (expected instanceof Boolean || expected instanceof String) {
            if (!expected.equals(actual)) {
                throw Mismatch.structure(field, "expected " + expected + ", got " + describe(actual));
            }
            return;
        }
        if (GoldenTensors.isTensor(expected)) {
            if (actual instanceof Tensor t) {
                tensor(field, t, expected, tol);
                return;
            }
            Tensor want = GoldenTensors.decode(expected, field + " (golden)");
            if (want.numel() == 1 && want.dim() == 0 && actual instanceof Number n) {
                number(field, n.doubleValue(), want.item(), tol);
                return;
            }
            throw Mismatch.structure(field, "expected a tensor of shape " + Arrays.toString(want.shape()) + ", got " + describe(actual));
        }
        double want = Json.toDouble(expected);
        if (actual instanceof Number n) {
            number(field, n.doubleValue(), want, tol);
        } else if (actual instanceof Tensor t && t.numel() == 1 && t.dim() == 0) {
            number(field, t.item(), want, tol);
        } else {
            throw Mismatch.structure(field, "expected the number " + want + ", got " + describe(actual));
        }
    }

    /**
     * The golden {@code final_state} against the library's state dict. {@code position[i]} is the state-dict index of
     * the case's parameter i. State keys must match exactly (no missing, no extra); {@code step}, {@code n_iter},
     * {@code func_evals} exactly in value. Group options are compared key by key; only the bookkeeping keys may
     * be missing on the library's side.
     */
    @SuppressWarnings("unchecked")
    static void finalState(OptimizerStateDict actual, Map<String, Object> expected, int[] position, Tolerance tol) {
        if (!(expected.get("state") instanceof List<?> states)) {
            throw new IllegalArgumentException("final_state.state: expected a list by parameter index");
        }
        if (states.size() != position.length) {
            throw new IllegalArgumentException("final_state.state has " + states.size() + " entries for " + position.length + " parameters");
        }
        for (int i = 0; i < states.size(); i++) {
            String where = "final_state.state[" + i + "]";
            Map<String, Object> want = (Map<String, Object>) Objects.requireNonNull(states.get(i), where);
            Map<String, Object> got = actual.state(position[i]);
            for (String k : got.keySet()) {
                if (!want.containsKey(k)) {
                    throw Mismatch.structure(where + "." + k, "is not in torch's state (torch has " + want.keySet() + ")");
                }
            }
            for (Map.Entry<String, Object> e : want.entrySet()) {
                String field = where + "." + e.getKey();
                if (!got.containsKey(e.getKey())) {
                    throw Mismatch.structure(field, "is missing (state has " + got.keySet() + ")");
                }
                value(field, got.get(e.getKey()), e.getValue(), EXACT_KEYS.contains(e.getKey()) ? new Tolerance(0, 0) : tol);
            }
        }
        if (!(expected.get("param_groups") instanceof List<?> groups)) {
            throw new IllegalArgumentException("final_state.param_groups: expected a list");
        }
        if (groups.size() != actual.paramGroups().size()) {
            throw Mismatch.structure("final_state.param_groups", actual.paramGroups().size() + " groups != expected " + groups.size());
        }
        for (int g = 0; g < groups.size(); g++) {
            String where = "final_state.param_groups[" + g + "]";
            Map<String, Object> want = (Map<String, Object>) groups.get(g);
            OptimizerStateDict.Group got = actual.paramGroups().get(g);
            List<?> ids = (List<?>) want.get("params");
            if (ids.size() != got.params().size()) {
                throw Mismatch.structure(where + ".params", got.params().size() + " parameters != expected " + ids.size());
            }
            for (int k = 0; k < ids.size(); k++) {
                int caseIndex = (int) Json.toDouble(ids.get(k));
                if (position[caseIndex] != got.params().get(k)) {
                    throw Mismatch.structure(where + ".params[" + k + "]", "is not parameter " + caseIndex);
                }
            }
            for (String k : got.options().keys()) {
                if (!want.containsKey(k)) {
                    throw Mismatch.structure(where + "." + k, "is not an option torch has (torch has " + want.keySet() + ")");
                }
            }
            for (Map.Entry<String, Object> e : want.entrySet()) {
                String k = e.getKey();
                if ("params".equals(k)) {
                    continue;
                }
                if (!got.options().has(k)) {
                    if (BOOKKEEPING_KEYS.contains(k)) {
                        continue;
                    }
                    throw Mismatch.structure(where + "." + k, "is missing (group has " + got.options().keys() + ")");
                }
                value(where + "." + k, got.options().get(k), e.getValue(), tol);
            }
        }
    }

    private static String describe(Object v) {
        if (v instanceof Tensor t) {
            return "a tensor of shape " + Arrays.toString(t.shape());
        }
        return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
    }
}
