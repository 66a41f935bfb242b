package dev.metagrad.implicit.conformance;

import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.json.Json;
import dev.metagrad.linearsolve.InvOptions;
import dev.metagrad.linearsolve.LinearSolve;
import dev.metagrad.linearsolve.LinearSolver;
import dev.metagrad.linearsolve.SolverOptions;

import java.util.Map;
import java.util.Set;

/**
 * The linear solver a golden {@code implicit} case names: {@code "solve": {"name", "options"}} stands for
 * {@code torchopt.linear_solve.<name>(**options)} (FORMAT-torchopt.md §8.2, §9), null for TorchOpt's default
 * {@code solve_normal_cg()}. An unknown name or option is an error, never ignored.
 */
final class GoldenLinearSolvers {
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "solve_cg", Set.of("ridge", "init", "rtol", "atol", "maxiter"),
            "solve_normal_cg", Set.of("ridge", "init", "rtol", "atol", "maxiter"),
            "solve_inv", Set.of("ridge", "ns", "maxiter", "alpha"));

    private GoldenLinearSolvers() {
    }

    /**
     * The solver of a case's {@code solve} field; null when the field is null (the caller then keeps
     * {@code CustomRootOptions}' default, which is {@code solveNormalCg()}).
     *
     * @throws IllegalArgumentException for an unknown solver or option, or a malformed option value
     */
    static LinearSolver of(Object spec) {
        if (spec == null) {
            return null;
        }
        Map<String, Object> s = Golden.object(spec, "solve");
        Object name = s.get("name");
        if (!OPTIONS.containsKey(name)) {
            throw new IllegalArgumentException("solve.name: unknown linear solver " + Json.describe(name));
        }
        Map<String, Object> o = Golden.object(s.getOrDefault("options", Map.of()), "solve.options");
        for (String key : o.keySet()) {
            if (!OPTIONS.get(name).contains(key)) {
                throw new IllegalArgumentException("solve.options: unknown option " + key + " for " + name);
            }
        }
        return switch ((String) name) {
            case "solve_cg" -> LinearSolve.solveCg(solverOptions(o));
            case "solve_normal_cg" -> LinearSolve.solveNormalCg(solverOptions(o));
            default -> LinearSolve.solveInv(invOptions(o));
        };
    }

    private static SolverOptions solverOptions(Map<String, Object> o) {
        SolverOptions s = SolverOptions.defaults();
        if (o.get("ridge") != null) {
            s = s.withRidge(Json.toDouble(o.get("ridge")));
        }
        if (o.get("init") != null) {
            s = s.withInit(GoldenTensors.decode(o.get("init"), "solve.options.init"));
        }
        if (o.get("rtol") != null) {
            s = s.withRtol(Json.toDouble(o.get("rtol")));
        }
        if (o.get("atol") != null) {
            s = s.withAtol(Json.toDouble(o.get("atol")));
        }
        if (o.get("maxiter") != null) {
            s = s.withMaxIter(Golden.integer(o.get("maxiter"), "solve.options.maxiter"));
        }
        return s;
    }

    private static InvOptions invOptions(Map<String, Object> o) {
        InvOptions s = InvOptions.defaults();
        if (o.get("ridge") != null) {
            s = s.withRidge(Json.toDouble(o.get("ridge")));
        }
        if (o.get("ns") != null) {
            if (!(o.get("ns") instanceof Boolean ns)) {
                throw new IllegalArgumentException("solve.options.ns: expected a boolean, got " + Json.describe(o.get("ns")));
            }
            s = s.withNs(ns);
        }
        if (o.get("maxiter") != null) {
            s = s.withMaxIter(Golden.integer(o.get("maxiter"), "solve.options.maxiter"));
        }
        if (o.get("alpha") != null) {
            s = s.withAlpha(Json.toDouble(o.get("alpha")));
        }
        return s;
    }
}
