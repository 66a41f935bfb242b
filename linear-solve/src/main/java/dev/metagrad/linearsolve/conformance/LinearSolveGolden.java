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
import dev.metagrad.linearsolve.LinearSolver;
import dev.metagrad.linearsolve.NeumannOptions;
import dev.metagrad.linearsolve.Solution;
import dev.metagrad.linearsolve.SolverOptions;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one {@code torchopt.json} case of kind {@code linear_solve} (FORMAT-torchopt.md §8): builds the
 * operator {@code v ↦ A v} from the case's matrix, calls the named solver with the case's TorchOpt keywords
 * mapped onto this module's options, and compares {@code x} (and, for the CG solvers, the informative
 * iteration count, which must match exactly). An option this runner does not know is an error, never
 * ignored. The {@code torchopt} suite reaches this through the implicit module's {@code TorchOptKind}
 * service, since meta-optim comes after this module. The same keyword mapping builds the linear solver an
 * {@code implicit} case names ({@link #linearSolver}).
 */
public final class LinearSolveGolden {
    /** The solvers of {@code torchopt.linear_solve}, which return a {@link LinearSolver}: {@link #linearSolver}. */
    public static final Set<String> LINEAR_SOLVERS = Set.of("solve_cg", "solve_normal_cg", "solve_inv");

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "solve_cg", Set.of("ridge", "init", "rtol", "atol", "maxiter", "M"),
            "solve_normal_cg", Set.of("ridge", "init", "rtol", "atol", "maxiter", "M"),
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
        // a null options object is TorchOpt's defaults, as an absent one
        Map<String, Object> options = data.get("options") == null ? Map.of() : Json.asObject(data.get("options"), "options");
        String unknown = unknownOption((String) solverName, options);
        if (unknown != null) {
            return CaseResult.error(id, op, "unknown option " + unknown + " for " + solverName);
        }
        Tensor a = GoldenTensors.decode(data.get("A"), "A");
        Tensor expected = GoldenTensors.decode(data.get("x"), "x");
        Tolerance tolerance = Tolerance.forField(data, "x");

        Tensor actual;
        Integer iterations = null;
        if ("linalg.ns_inv".equals(solverName)) {
            actual = LinearSolve.neumannInverse(a, neumann(options, "options"));
        } else {
            Tensor b = GoldenTensors.decode(data.get("b"), "b");
            if (((String) solverName).contains("cg") && options.get("maxiter") == null) {
                options = withTorchOptMaxiter(options, b);
            }
            LinearOperator matvec = LinearOperators.matrix(a);
            Solution solution = switch ((String) solverName) {
                case "linalg.cg" -> LinearSolve.cg(matvec, b, cgOptions(options, "options"));
                case "linalg.ns" -> new Solution(LinearSolve.neumannSeries(matvec, b, neumann(options, "options")), 0,
                        Double.NaN, true);
                default -> linearSolver((String) solverName, options, "options").solve(matvec, b);
            };
            actual = (Tensor) solution.x();
            if (((String) solverName).contains("cg")) {
                iterations = solution.iterations();
            }
        }
        CaseResult failed = CaseResult.failureOf(id, op, "x", tolerance.compare(actual, expected));
        if (failed != null) {
            return failed;
        }
        if (iterations != null && data.get("iterations") != null) {
            long want = (long) Json.toDouble(data.get("iterations"));
            if (iterations != want) {
                return CaseResult.malformed(id, op, "iterations", iterations + " iterations, TorchOpt ran " + want);
            }
        }
        return CaseResult.pass(id, op);
    }

    /**
     * {@code torchopt.linear_solve.<name>(**options)} (FORMAT-torchopt.md §8.2, §9): TorchOpt's keywords
     * ({@code ridge, init, rtol, atol, maxiter, M} for the CG solvers, {@code ridge, ns, maxiter, alpha} for
     * {@code solve_inv}) mapped onto {@link SolverOptions} and {@link InvOptions}, the others keeping their
     * defaults; a null value is the keyword's default. {@code maxiter = 0} is honoured as in TorchOpt (the CG
     * solvers return the start point, {@code ns} returns {@code α b}). An absent {@code maxiter} keeps this
     * module's default limit, which differs from TorchOpt's {@code 10 · Σ dims(b)} only for a 0-dim {@code b}.
     *
     * @param name    one of {@link #LINEAR_SOLVERS}
     * @param options the keyword arguments; null for none (all defaults)
     * @param where   names {@code options} in messages, e.g. {@code "solve.options"}
     * @throws IllegalArgumentException for another name, a keyword the solver does not take
     *                                  ({@code "<where>: unknown option K for <name>"}) or a malformed value
     *                                  (naming {@code <where>.<keyword>})
     */
    public static LinearSolver linearSolver(String name, Map<String, Object> options, String where) {
        if (!LINEAR_SOLVERS.contains(name)) {
            throw new IllegalArgumentException("unknown linear solver " + Json.describe(name) + "; known: "
                    + String.join(", ", new TreeSet<>(LINEAR_SOLVERS)));
        }
        if (options == null) {
            options = Map.of();
        }
        String unknown = unknownOption(name, options);
        if (unknown != null) {
            throw new IllegalArgumentException(where + ": unknown option " + unknown + " for " + name);
        }
        return switch (name) {
            case "solve_cg" -> LinearSolve.solveCg(solverOptions(options, where));
            case "solve_normal_cg" -> LinearSolve.solveNormalCg(solverOptions(options, where));
            default -> LinearSolve.solveInv(invOptions(options, where));
        };
    }

    /** The first keyword of {@code options} that {@code solver} does not take, or null. */
    private static String unknownOption(String solver, Map<String, Object> options) {
        for (String key : options.keySet()) {
            if (!OPTIONS.get(solver).contains(key)) {
                return key;
            }
        }
        return null;
    }

    private static SolverOptions solverOptions(Map<String, Object> o, String where) {
        SolverOptions s = SolverOptions.defaults();
        if (o.get("ridge") != null) {
            s = s.withRidge(Json.toDouble(o.get("ridge")));
        }
        if (o.get("init") != null) {
            s = s.withInit(GoldenTensors.decode(o.get("init"), where + ".init"));
        }
        if (o.get("rtol") != null) {
            s = s.withRtol(Json.toDouble(o.get("rtol")));
        }
        if (o.get("atol") != null) {
            s = s.withAtol(Json.toDouble(o.get("atol")));
        }
        if (o.get("maxiter") != null) {
            s = s.withMaxIter(Json.toInt(o.get("maxiter"), where + ".maxiter"));
        }
        if (o.get("M") != null) {
            s = s.withPreconditioner(LinearOperators.matrix(GoldenTensors.decode(o.get("M"), where + ".M")));
        }
        return s;
    }

    /**
     * The options with TorchOpt's default CG limit {@code maxiter = 10 · (sum of b's dims)} made explicit
     * (FORMAT-torchopt.md §8.1, a quirk §11.7 says the golden numbers reproduce). It equals this module's
     * default except for a 0-dim b, where TorchOpt runs no iteration and returns the start point while
     * {@link dev.metagrad.linearsolve.LinearSolve} deliberately solves.
     */
    private static Map<String, Object> withTorchOptMaxiter(Map<String, Object> options, Tensor b) {
        long dims = 0;
        for (int d : b.shape()) {
            dims += d;
        }
        Map<String, Object> out = new HashMap<>(options);
        out.put("maxiter", 10 * dims);
        return out;
    }

    private static CgOptions cgOptions(Map<String, Object> o, String where) {
        CgOptions s = CgOptions.defaults();
        if (o.get("x0") != null) {
            s = s.withX0(GoldenTensors.decode(o.get("x0"), where + ".x0"));
        }
        if (o.get("rtol") != null) {
            s = s.withRtol(Json.toDouble(o.get("rtol")));
        }
        if (o.get("atol") != null) {
            s = s.withAtol(Json.toDouble(o.get("atol")));
        }
        if (o.get("maxiter") != null) {
            s = s.withMaxIter(Json.toInt(o.get("maxiter"), where + ".maxiter"));
        }
        if (o.get("M") != null) {
            s = s.withPreconditioner(LinearOperators.matrix(GoldenTensors.decode(o.get("M"), where + ".M")));
        }
        return s;
    }

    private static InvOptions invOptions(Map<String, Object> o, String where) {
        InvOptions s = InvOptions.defaults();
        if (o.get("ridge") != null) {
            s = s.withRidge(Json.toDouble(o.get("ridge")));
        }
        if (o.get("ns") != null) {
            if (!(o.get("ns") instanceof Boolean ns)) {
                throw new IllegalArgumentException(where + ".ns: expected a boolean, got " + Json.describe(o.get("ns")));
            }
            s = s.withNs(ns);
        }
        if (o.get("maxiter") != null) {
            s = s.withMaxIter(Json.toInt(o.get("maxiter"), where + ".maxiter"));
        }
        if (o.get("alpha") != null) {
            s = s.withAlpha(Json.toDouble(o.get("alpha")));
        }
        return s;
    }

    private static NeumannOptions neumann(Map<String, Object> o, String where) {
        NeumannOptions s = NeumannOptions.defaults();
        if (o.get("maxiter") != null) {
            s = s.withMaxIter(Json.toInt(o.get("maxiter"), where + ".maxiter"));
        }
        if (o.get("alpha") != null) {
            s = s.withAlpha(Json.toDouble(o.get("alpha")));
        }
        return s;
    }
}
