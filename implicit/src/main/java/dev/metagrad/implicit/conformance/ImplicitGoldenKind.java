package dev.metagrad.implicit.conformance;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.implicit.CustomRootOptions;
import dev.metagrad.implicit.WithAux;
import dev.metagrad.json.Json;
import dev.metagrad.optim.conformance.TorchOptKind;

import java.util.ArrayList;
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
        String op = Golden.OP;
        boolean hasAux = Boolean.TRUE.equals(data.get("has_aux"));
        Map<String, Object> inputs = Golden.object(data.get("data"), "data");
        Object problemName = data.get("problem");
        GoldenProblem problem;
        if ("ridge".equals(problemName)) {
            problem = new RidgeGolden(inputs, hasAux);
        } else if ("fixed_point".equals(problemName)) {
            if (hasAux) {
                return CaseResult.error(id, op, "has_aux is only defined for the ridge problem");
            }
            problem = new FixedPointGolden(inputs);
        } else {
            return CaseResult.error(id, op, "unknown problem " + Json.describe(problemName));
        }

        List<?> names = Golden.list(data.get("argnums"), "argnums");
        int[] argnums = new int[names.size()];
        for (int j = 0; j < argnums.length; j++) {
            int index = problem.argNames().indexOf(names.get(j));
            if (index < 0) {
                return CaseResult.error(id, op, "argnums[" + j + "]: " + Json.describe(names.get(j))
                        + " is not an argument of the solver " + problem.argNames());
            }
            argnums[j] = index + 1;
        }
        CustomRootOptions options = CustomRootOptions.builder().argnums(argnums).hasAux(hasAux)
                .solve(GoldenLinearSolvers.of(data.get("solve"))).build();

        List<Tensor> args = new ArrayList<>(problem.args());
        Tensor[] wrt = new Tensor[argnums.length];
        for (int j = 0; j < argnums.length; j++) {
            wrt[j] = args.get(argnums[j] - 1).detach().requiresGrad(true);
            args.set(argnums[j] - 1, wrt[j]);
        }
        Object out = problem.rootSolver(options).solve(problem.z0(), args.toArray());
        Tensor solution = (Tensor) (hasAux ? ((WithAux) out).solution() : out);
        CaseResult bad = Golden.compare(id, problem.solutionField(), solution, data.get(problem.solutionField()),
                Golden.tolerance(data, problem.solutionField()));
        if (bad != null) {
            return bad;
        }
        Tensor loss = problem.outerLoss(solution);
        Tensor expectedLoss = Tensor.scalar(Json.toDouble(data.get("outer_loss")));
        var lossCheck = Golden.tolerance(data, "outer_loss").compare(loss, expectedLoss);
        if (!lossCheck.passed()) {
            return CaseResult.mismatch(id, op, "outer_loss", lossCheck.worstAbs(), lossCheck.worstRel());
        }

        Map<String, Object> expectedGrads = Golden.object(data.get("grads"), "grads");
        if (!expectedGrads.keySet().equals(new java.util.HashSet<>(names))) {
            return CaseResult.error(id, op, "grads holds " + expectedGrads.keySet() + " but argnums are " + names);
        }
        Tensor[] grads = Autograd.grad(loss, wrt);
        for (int j = 0; j < argnums.length; j++) {
            String name = (String) names.get(j);
            bad = Golden.compare(id, "grads." + name, grads[j], expectedGrads.get(name), Golden.tolerance(data, "grads"));
            if (bad != null) {
                return bad;
            }
        }
        return hasAux ? compareAux(id, ((WithAux) out).aux(), data) : CaseResult.pass(id, op);
    }

    private static CaseResult compareAux(String id, Object actual, Map<String, Object> data) {
        Map<String, Object> expected = Golden.object(data.get("aux"), "aux");
        Map<String, Object> aux = Golden.object(actual, "the solver's aux");
        if (!aux.keySet().equals(expected.keySet())) {
            return CaseResult.malformed(id, Golden.OP, "aux", "keys " + aux.keySet() + ", expected " + expected.keySet());
        }
        CaseResult bad = Golden.compare(id, "aux.inner_objective", (Tensor) aux.get("inner_objective"),
                expected.get("inner_objective"), Golden.tolerance(data, "aux"));
        if (bad != null) {
            return bad;
        }
        int iters = Golden.integer(expected.get("num_iters"), "aux.num_iters");
        if (!Integer.valueOf(iters).equals(aux.get("num_iters"))) {
            return CaseResult.malformed(id, Golden.OP, "aux.num_iters", aux.get("num_iters") + ", expected " + iters);
        }
        return CaseResult.pass(id, Golden.OP);
    }
}
