package dev.metagrad.optim.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.Updates;
import dev.metagrad.optim.state.Counts;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kind {@code alias} (FORMAT-torchopt.md section 4.2): runs the optimizer on the case's objective and compares
 * {@code grads0}, {@code losses}, {@code trajectory} and {@code final_state}.
 * <pre>
 *   state = opt.init(params0)
 *   for t = 1..steps:  loss = objective(p); g = ∇objective(p)
 *                      (u, state) = opt.update(g, state, p);  p = p + u
 * </pre>
 */
final class AliasCase {
    private AliasCase() {
    }

    static CaseResult run(Golden c) {
        QuadraticProblem problem = new QuadraticProblem(Golden.object(c.get("problem"), "problem"));
        GradientTransformation opt = GoldenOptions.alias(String.valueOf(c.get("alias")), c.get("options"));
        List<Tensor> params = GoldenTensors.decodeList(c.get("params0"), "params0");
        int steps = (int) Json.toDouble(c.get("steps"));
        Tolerance trajectoryTol = c.tolerance("trajectory");

        CaseResult r = c.compare("grads0", problem.gradient(params), GoldenTensors.decodeList(c.get("grads0"), "grads0"), trajectoryTol);
        if (r != null) {
            return r;
        }
        List<?> trajectory = Json.asList(c.get("trajectory"), "trajectory");
        if (trajectory.size() != steps) {
            return CaseResult.malformed(c.id, c.op, "trajectory", trajectory.size() + " entries for " + steps + " steps");
        }
        double[] losses = new double[steps];
        OptState state = opt.init(params);
        for (int t = 0; t < steps; t++) {
            losses[t] = problem.objective(params);
            GradientTransformation.Update u = opt.update(problem.gradient(params), state, params);
            state = u.state();
            params = Updates.applyUpdates(params, u.updates());
            r = c.compare("trajectory[" + t + "]", params, GoldenTensors.decodeList(trajectory.get(t), "trajectory[" + t + "]"), trajectoryTol);
            if (r != null) {
                return r;
            }
        }
        r = c.compare("losses", losses, Golden.numbers(c.get("losses"), "losses"), c.tolerance("losses"));
        if (r != null) {
            return r;
        }
        r = compareState(c, state);
        return r != null ? r : CaseResult.pass(c.id, c.op);
    }

    private static CaseResult compareState(Golden c, OptState state) {
        List<?> expected = Json.asList(c.get("final_state"), "final_state");
        List<OptState> actual = StateFields.components(state);
        List<String> types = new ArrayList<>();
        actual.forEach(s -> types.add(s.getClass().getSimpleName()));
        if (expected.size() != actual.size()) {
            return CaseResult.malformed(c.id, c.op, "final_state", "component states " + types + ", expected " + expected.size());
        }
        Tolerance tol = c.tolerance("final_state");
        for (int k = 0; k < expected.size(); k++) {
            String where = "final_state[" + k + "]";
            Map<String, Object> e = Golden.object(expected.get(k), where);
            if (!types.get(k).equals(e.get("type"))) {
                return CaseResult.malformed(c.id, c.op, where, "type " + types.get(k) + " != expected " + e.get("type"));
            }
            Map<String, Object> fields = StateFields.fields(actual.get(k));
            for (Map.Entry<String, Object> f : e.entrySet()) {
                if (f.getKey().equals("type")) {
                    continue;
                }
                String field = where + "." + f.getKey();
                if (!fields.containsKey(f.getKey())) {
                    return CaseResult.malformed(c.id, c.op, field, "no such field in " + types.get(k) + " " + fields.keySet());
                }
                CaseResult r = compareField(c, field, fields.get(f.getKey()), f.getValue(), tol);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    /** A moment tree against encoded tensors, a count tree against integers, or a step number against an integer. */
    private static CaseResult compareField(Golden c, String field, Object actual, Object expected, Tolerance tol) {
        if (actual instanceof Long t) {
            long e = (long) Json.toDouble(expected);
            return t == e ? null : CaseResult.malformed(c.id, c.op, field, t + " != expected " + e);
        }
        List<Tensor> leaves = Trees.leaves(actual);
        List<?> e = Json.asList(expected, field);
        if (!e.isEmpty() && !(e.get(0) instanceof Map)) {
            // integer counts, one per leaf: must match exactly
            List<Long> counts = new ArrayList<>();
            leaves.forEach(l -> counts.add(Counts.value(l)));
            List<Long> want = new ArrayList<>();
            e.forEach(x -> want.add((long) Json.toDouble(x)));
            return counts.equals(want) ? null : CaseResult.malformed(c.id, c.op, field, counts + " != expected " + want);
        }
        return c.compare(field, leaves, GoldenTensors.decodeList(expected, field), tol);
    }
}
