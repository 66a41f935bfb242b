package dev.metagrad.optim.torch.conformance;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.GroupSpec;
import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.Optimizers;
import dev.metagrad.optim.torch.Options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of {@code torch_optim.json}, run by the procedure of FORMAT.md 4.3: the optimizer is built with
 * {@link Optimizers#create}{@code (algorithm, groups, options)}; first-order algorithms take {@code steps} steps
 * after {@code zeroGrad; loss = f; backward}, closure-driven ones ({@link Optimizer#requiresClosure()}, LBFGS)
 * {@code steps} calls of {@code step(closure)}. Then {@code grads0}, {@code losses}, {@code trajectory},
 * {@code lbfgs_trace} and {@code final_state} are compared in that order with the case's tolerances; the result
 * names the first differing field.
 */
final class TorchOptimCase implements ConformanceCase {
    private final String id;
    private final Map<String, Object> data;
    private final String algorithm;

    TorchOptimCase(String id, Map<String, Object> data) {
        this.id = id;
        this.data = data;
        this.algorithm = data.get("algorithm") instanceof String s ? s : null;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String op() {
        return algorithm;
    }

    @Override
    public String kind() {
        return null;
    }

    @Override
    public CaseResult run() {
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            return GoldenCase.run(id, algorithm, this::runChecked);
        }
    }

    @SuppressWarnings("unchecked")
    private void runChecked() {
        if (algorithm == null) {
            throw new IllegalArgumentException("case has no \"algorithm\" string");
        }
        List<Tensor> params0 = GoldenTensors.decodeList(data.get("params0"), "params0");
        int n = params0.size();
        QuarticProblem problem = QuarticProblem.decode(data.get("problem"), n);
        int steps = Json.toInt(data.get("steps"), "steps");
        Tolerance trajTol = Tolerance.forField(data, "trajectory");
        Tolerance lossTol = Tolerance.forField(data, "losses");
        boolean hasFinalState = Json.asObject(data.get("tolerance"), "tolerance").get("final_state") != null;
        Tolerance stateTol = hasFinalState ? Tolerance.forField(data, "final_state") : null;

        List<Tensor> leaves = new ArrayList<>();
        for (Tensor p : params0) {
            leaves.add(p.detach().requiresGrad(true));
        }
        List<GroupSpec> groups = new ArrayList<>();
        int[] position = new int[n];
        Arrays.fill(position, -1);
        int next = 0;
        for (Object raw : (List<Object>) data.get("param_groups")) {
            Map<String, Object> g = (Map<String, Object>) raw;
            List<Tensor> ps = new ArrayList<>();
            for (Object idx : (List<Object>) g.get("params")) {
                int i = (int) Json.toDouble(idx);
                if (i < 0 || i >= n || position[i] >= 0) {
                    throw new IllegalArgumentException("param_groups: bad or repeated parameter index " + i);
                }
                position[i] = next++;
                ps.add(leaves.get(i));
            }
            Map<String, Object> overrides = new LinkedHashMap<>(g);
            overrides.remove("params");
            groups.add(GroupSpec.of(ps, Options.of(overrides)));
        }
        if (next != n) {
            throw new IllegalArgumentException("param_groups cover " + next + " of " + n + " parameters");
        }
        Optimizer opt = Optimizers.create(algorithm, groups, Options.of((Map<String, Object>) data.get("options")));

        if (data.get("grads0") != null) {
            List<Object> expected = (List<Object>) data.get("grads0");
            if (expected.size() != n) {
                throw new IllegalArgumentException("grads0 has " + expected.size() + " entries for " + n + " parameters");
            }
            opt.zeroGrad();
            problem.loss(byCaseIndex(opt, position)).backward();
            for (int i = 0; i < n; i++) {
                StateComparison.tensor("grads0[" + i + "]", byCaseIndex(opt, position).get(i).grad(), expected.get(i), trajTol);
            }
            opt.zeroGrad();
        }

        List<Object> losses = (List<Object>) data.get("losses");
        List<Object> trajectory = (List<Object>) data.get("trajectory");
        List<Object> trace = (List<Object>) data.get("lbfgs_trace");
        if (losses.size() != steps || trajectory.size() != steps) {
            throw new IllegalArgumentException("losses/trajectory must have " + steps + " entries");
        }
        for (int k = 0; k < steps; k++) {
            double loss;
            if (opt.requiresClosure()) {
                Tensor l = opt.step(() -> {
                    opt.zeroGrad();
                    Tensor f = problem.loss(byCaseIndex(opt, position));
                    f.backward();
                    return f;
                });
                loss = l.item();
            } else {
                opt.zeroGrad();
                Tensor f = problem.loss(byCaseIndex(opt, position));
                f.backward();
                loss = f.item();
                opt.step();
            }
            StateComparison.number("losses[" + k + "]", loss, Json.toDouble(losses.get(k)), lossTol);
            List<Object> after = (List<Object>) trajectory.get(k);
            List<Tensor> now = byCaseIndex(opt, position);
            for (int i = 0; i < n; i++) {
                StateComparison.tensor("trajectory[" + k + "][" + i + "]", now.get(i), after.get(i), trajTol);
            }
            if (trace != null) {
                Map<String, Object> want = (Map<String, Object>) trace.get(k);
                Map<String, Object> st = opt.stateDict().state(0);
                for (String key : List.of("n_iter", "func_evals")) {
                    String field = "lbfgs_trace[" + k + "]." + key;
                    if (!st.containsKey(key)) {
                        throw Mismatch.structure(field, "parameter 0 has no state \"" + key + "\" (state has " + st.keySet() + ")");
                    }
                    StateComparison.value(field, st.get(key), want.get(key), new Tolerance(0, 0));
                }
            }
        }
        if (stateTol != null) {
            StateComparison.finalState(opt.stateDict(), (Map<String, Object>) data.get("final_state"), position, stateTol);
        }
    }

    private static List<Tensor> byCaseIndex(Optimizer opt, int[] position) {
        List<Tensor> all = opt.params();
        List<Tensor> out = new ArrayList<>(position.length);
        for (int p : position) {
            out.add(all.get(p));
        }
        return out;
    }
}
