package dev.metagrad.implicit.conformance;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.implicit.CustomRootOptions;
import dev.metagrad.implicit.WithAux;
import dev.metagrad.json.Json;
import dev.metagrad.linearsolve.LinearSolver;
import dev.metagrad.linearsolve.conformance.LinearSolveGolden;
import dev.metagrad.optim.conformance.TorchOptKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code torchopt.json} cases of kind {@code implicit} (FORMAT-torchopt.md §9): builds the case's problem
 * ({@link RidgeGolden} or {@link FixedPointGolden}) through {@code customRoot} / {@code customFixedPoint} with
 * the named linear solver (null: the default {@code solveNormalCg()}), the case's argnums (by name) and
 * has_aux, back-propagates the outer loss and compares the solution ({@code w_star} / {@code x_star}),
 * {@code outer_loss}, every gradient in {@code grads} and, with has_aux, {@code aux}. The informative
 * {@code analytic} and {@code solver_iterations} fields are not compared. Registered as a {@link TorchOptKind}
 * service.
 */
public final class ImplicitGoldenKind implements TorchOptKind {
    private static final String OP = "implicit";

    /** For {@link java.util.ServiceLoader}. */
    public ImplicitGoldenKind() {
    }

    /** {@code "implicit"}. */
    @Override
    public String kind() {
        return "implicit";
    }

    /** Runs one case; a failure names the field ({@code w_star}, {@code grads.loglam}, {@code aux.num_iters}, ...). */
    @Override
    public CaseResult run(String id, Map<String, Object> data) {
        boolean hasAux = Boolean.TRUE.equals(data.get("has_aux"));
        Map<String, Object> inputs = Json.asObject(data.get("data"), "data");
        Object problemName = data.get("problem");
        GoldenProblem problem;
        if ("ridge".equals(problemName)) {
            problem = new RidgeGolden(inputs, hasAux);
        } else if ("fixed_point".equals(problemName)) {
            if (hasAux) {
                return CaseResult.error(id, OP, "has_aux is only defined for the ridge problem");
            }
            problem = new FixedPointGolden(inputs);
        } else {
            return CaseResult.error(id, OP, "unknown problem " + Json.describe(problemName));
        }

        List<?> names = Json.asList(data.get("argnums"), "argnums");
        int[] argnums = new int[names.size()];
        for (int j = 0; j < argnums.length; j++) {
            int index = problem.argNames().indexOf(names.get(j));
            if (index < 0) {
                return CaseResult.error(id, OP, "argnums[" + j + "]: " + Json.describe(names.get(j))
                        + " is not an argument of the solver " + problem.argNames());
            }
            argnums[j] = index + 1;
        }
        CustomRootOptions options = CustomRootOptions.builder().argnums(argnums).hasAux(hasAux)
                .solve(linearSolver(data.get("solve"))).build();

        List<Tensor> args = new ArrayList<>(problem.args());
        Tensor[] wrt = new Tensor[argnums.length];
        for (int j = 0; j < argnums.length; j++) {
            wrt[j] = args.get(argnums[j] - 1).detach().requiresGrad(true);
            args.set(argnums[j] - 1, wrt[j]);
        }
        Object out = problem.rootSolver(options).solve(problem.z0(), args.toArray());
        Tensor solution = (Tensor) (hasAux ? ((WithAux) out).solution() : out);
        CaseResult bad = compare(id, problem.solutionField(), solution, data.get(problem.solutionField()),
                Tolerance.forField(data, problem.solutionField()));
        if (bad != null) {
            return bad;
        }
        Tensor loss = problem.outerLoss(solution);
        bad = compare(id, "outer_loss", loss, data.get("outer_loss"), Tolerance.forField(data, "outer_loss"));
        if (bad != null) {
            return bad;
        }

        Map<String, Object> expectedGrads = Json.asObject(data.get("grads"), "grads");
        if (!expectedGrads.keySet().equals(new HashSet<>(names))) {
            return CaseResult.error(id, OP, "grads holds " + expectedGrads.keySet() + " but argnums are " + names);
        }
        Tensor[] grads = Autograd.grad(loss, wrt);
        for (int j = 0; j < argnums.length; j++) {
            String name = (String) names.get(j);
            bad = compare(id, "grads." + name, grads[j], expectedGrads.get(name), Tolerance.forField(data, "grads"));
            if (bad != null) {
                return bad;
            }
        }
        return hasAux ? compareAux(id, ((WithAux) out).aux(), data) : CaseResult.pass(id, OP);
    }

    private static CaseResult compareAux(String id, Object actual, Map<String, Object> data) {
        Map<String, Object> expected = Json.asObject(data.get("aux"), "aux");
        Map<String, Object> aux = Json.asObject(actual, "the solver's aux");
        if (!aux.keySet().equals(expected.keySet())) {
            return CaseResult.malformed(id, OP, "aux", "keys " + aux.keySet() + ", expected " + expected.keySet());
        }
        CaseResult bad = compare(id, "aux.inner_objective", (Tensor) aux.get("inner_objective"),
                expected.get("inner_objective"), Tolerance.forField(data, "aux"));
        if (bad != null) {
            return bad;
        }
        int iters = Json.toInt(expected.get("num_iters"), "aux.num_iters");
        if (!Integer.valueOf(iters).equals(aux.get("num_iters"))) {
            return CaseResult.malformed(id, OP, "aux.num_iters", aux.get("num_iters") + ", expected " + iters);
        }
        return CaseResult.pass(id, OP);
    }

    /**
     * The linear solver of a case's {@code "solve": {"name", "options"}}, {@code torchopt.linear_solve.<name>(**options)}
     * (FORMAT-torchopt.md §9); null when the field is null, which keeps {@code CustomRootOptions}' default
     * {@code solveNormalCg()}, TorchOpt's too.
     *
     * @throws IllegalArgumentException for an unknown solver or option, or a malformed option value
     */
    private static LinearSolver linearSolver(Object spec) {
        if (spec == null) {
            return null;
        }
        Map<String, Object> s = Json.asObject(spec, "solve");
        Object name = s.get("name");
        if (!LinearSolveGolden.LINEAR_SOLVERS.contains(name)) {
            throw new IllegalArgumentException("solve.name: unknown linear solver " + Json.describe(name));
        }
        // absent or null options are TorchOpt's defaults
        Map<String, Object> options = s.get("options") == null ? null : Json.asObject(s.get("options"), "solve.options");
        return LinearSolveGolden.linearSolver((String) name, options, "solve.options");
    }

    /**
     * Null when {@code actual} matches {@code expected} (an encoded tensor, or a JSON number for a 0-dim value
     * such as {@code outer_loss}); else the failure, naming the field.
     */
    private static CaseResult compare(String id, String field, Tensor actual, Object expected, Tolerance tol) {
        return CaseResult.failureOf(id, OP, field, tol.compare(actual, scalarOrTensor(expected, field)));
    }

    /** A 0-dim value written either as a JSON number or as an encoded tensor of shape {@code []}. */
    private static Tensor scalarOrTensor(Object value, String what) {
        return GoldenTensors.isTensor(value) ? GoldenTensors.decode(value, what) : Tensor.scalar(Json.toDouble(value));
    }
}
