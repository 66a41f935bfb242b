package dev.metagrad.linearsolve.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;
import dev.metagrad.linearsolve.CgOptions;
import dev.metagrad.linearsolve.InvOptions;
import dev.metagrad.linearsolve.LinearOperator;
import dev.metagrad.linearsolve.LinearOperators;
import dev.metagrad.linearsolve.LinearSolve;
import dev.metagrad.linearsolve.NeumannOptions;
import dev.metagrad.linearsolve.Solution;
import dev.metagrad.linearsolve.SolverOptions;

import java.util.Map;
import java.util.Set;

/**
 * Runs one {@code torchopt.json} case of kind {@code linear_solve} (FORMAT-torchopt.md §8): builds the
 * operator {@code v ↦ A v} from the case's matrix, calls the named solver with the case's TorchOpt keywords
 * mapped onto this module's options, and compares {@code x} (and, for the CG solvers, the informative
 * iteration count, which must match exactly). An option this runner does not know is an error, never
 * ignored. The {@code torchopt} suite reaches this through the implicit module's {@code TorchOptKind}
 * service, since meta-optim comes after this module.
 */
public final class LinearSolveGolden {
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "solve_cg", Set.of("ridge", "init", "rtol", "atol", "maxiter"),
            "solve_normal_cg", Set.of("ridge", "init", "rtol", "atol", "maxiter"),
            "solve_inv", Set.of("ridge", "ns", "maxiter", "alpha"),
            "linalg.cg", Set.of("x0", "rtol", "atol", "maxiter", "M"),
            "linalg.ns", Set.of("maxiter", "alpha"),
            "linalg.ns_inv", Set.of("maxiter", "alpha"));

    private LinearSolveGolden() {
    }

    /**
     * Runs the case.
     *
     * @param id   the case id
     * @param data the case's JSON object
     * @return pass, or a failure naming the field ({@code x}, {@code iterations}) or the error
     */
    public static CaseResult run(String id, Map<String, Object> data) {
        Object solverName = data.get("solver");
        String op = "linear_solve " + solverName;
        if (!OPTIONS.containsKey(solverName)) {
            return CaseResult.error(id, op, "unknown solver " + Json.describe(solverName));
        }
        Map<String, Object> options = object(data.getOrDefault("options", Map.of()), "options");
        for (String key : options.keySet()) {
            if (!OPTIONS.get(solverName).contains(key)) {
                return CaseResult.error(id, op, "unknown option " + key + " for " + solverName);
            }
        }
        Tensor a = GoldenTensors.decode(data.get("A"), "A");
        Tensor expected = GoldenTensors.decode(data.get("x"), "x");
        Map<String, Object> tol = object(object(data.get("tolerance"), "tolerance").get("x"), "tolerance.x");
        Tolerance tolerance = new Tolerance(Json.toDouble(tol.get("rtol")), Json.toDouble(tol.get("atol")));

        Tensor actual;
        Integer iterations = null;
        if ("linalg.ns_inv".equals(solverName)) {
            actual = LinearSolve.neumannInverse(a, neumann(options));
        } else {
            Tensor b = GoldenTensors.decode(data.get("b"), "b");
            LinearOperator matvec = LinearOperators.matrix(a);
            Solution solution = switch ((String) solverName) {
                case "solve_cg" -> LinearSolve.solveCg(solverOptions(options)).solve(matvec, b);
                case "solve_normal_cg" -> LinearSolve.solveNormalCg(solverOptions(options)).solve(matvec, b);
                case "solve_inv" -> LinearSolve.solveInv(invOptions(options)).solve(matvec, b);
                case "linalg.cg" -> LinearSolve.cg(matvec, b, cgOptions(options));
                default -> new Solution(LinearSolve.neumannSeries(matvec, b, neumann(options)), 0, Double.NaN, true);
            };
            actual = (Tensor) solution.x();
            if (((String) solverName).contains("cg")) {
                iterations = solution.iterations();
            }
        }
        Tolerance.Comparison c = tolerance.compare(actual, expected);
        if (!c.passed()) {
            return c.problem() != null ? CaseResult.malformed(id, op, "x", c.problem())
                    : CaseResult.mismatch(id, op, "x", c.worstAbs(), c.worstRel());
        }
        if (iterations != null && data.get("iterations") != null) {
            long want = (long) Json.toDouble(data.get("iterations"));
            if (iterations != want) {
                return CaseResult.malformed(id, op, "iterations", iterations + " iterations, TorchOpt ran " + want);
            }
        }
        return CaseResult.pass(id, op);
    }

    private static SolverOptions solverOptions(Map<String, Object> o) {
        SolverOptions s = SolverOptions.defaults();
        if (o.get("ridge") != null) {
            s = s.withRidge(Json.toDouble(o.get("ridge")));
        }
        if (o.get("init") != null) {
            s = s.withInit(GoldenTensors.decode(o.get("init"), "options.init"));
        }
        if (o.get("rtol") != null) {
            s = s.withRtol(Json.toDouble(o.get("rtol")));
        }
        if (o.get("atol") != null) {
            s = s.withAtol(Json.toDouble(o.get("atol")));
        }
        if (o.get("maxiter") != null) {
            s = s.withMaxIter(integer(o.get("maxiter"), "options.maxiter"));
        }
        return s;
    }

    private static CgOptions cgOptions(Map<String, Object> o) {
        CgOptions s = CgOptions.defaults();
        if (o.get("x0") != null) {
            s = s.withX0(GoldenTensors.decode(o.get("x0"), "options.x0"));
        }
        if (o.get("rtol") != null) {
            s = s.withRtol(Json.toDouble(o.get("rtol")));
        }
        if (o.get("atol") != null) {
            s = s.withAtol(Json.toDouble(o.get("atol")));
        }
        if (o.get("maxiter") != null) {
            s = s.withMaxIter(integer(o.get("maxiter"), "options.maxiter"));
        }
        if (o.get("M") != null) {
            s = s.withPreconditioner(LinearOperators.matrix(GoldenTensors.decode(o.get("M"), "options.M")));
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
                throw new IllegalArgumentException("options.ns: expected a boolean, got " + Json.describe(o.get("ns")));
            }
            s = s.withNs(ns);
        }
        if (o.get("maxiter") != null) {
            s = s.withMaxIter(integer(o.get("maxiter"), "options.maxiter"));
        }
        if (o.get("alpha") != null) {
            s = s.withAlpha(Json.toDouble(o.get("alpha")));
        }
        return s;
    }

    private static NeumannOptions neumann(Map<String, Object> o) {
        NeumannOptions s = NeumannOptions.defaults();
        if (o.get("maxiter") != null) {
            s = s.withMaxIter(integer(o.get("maxiter"), "options.maxiter"));
        }
        if (o.get("alpha") != null) {
            s = s.withAlpha(Json.toDouble(o.get("alpha")));
        }
        return s;
    }

    private static int integer(Object value, String what) {
        double d = Json.toDouble(value);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + ": expected an integer, got " + Json.describe(value));
        }
        return (int) d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + ": expected an object, got " + Json.describe(value));
        }
        return (Map<String, Object>) value;
    }
}
