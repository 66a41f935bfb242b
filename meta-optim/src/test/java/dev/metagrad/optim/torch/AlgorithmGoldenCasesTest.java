package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Interim: runs the torch_optim.json cases of this branch's algorithms (FORMAT.md section 4.3). */
class AlgorithmGoldenCasesTest {
    private static final Set<String> ALGORITHMS = Set.of("Adamax", "Adagrad", "Adadelta", "RMSprop", "RAdam", "NAdam", "ASGD", "Rprop");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = AlgorithmGoldenCasesTest.class.getResourceAsStream("/dev/metagrad/golden/torch_optim.json")) {
            Map<String, Object> doc = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Arguments> out = new ArrayList<>();
            for (Object c : (List<Object>) doc.get("cases")) {
                Map<String, Object> m = (Map<String, Object>) c;
                if (ALGORITHMS.contains(m.get("algorithm"))) {
                    out.add(Arguments.of(m.get("id"), m));
                }
            }
            return out.stream();
        }
    }

    private static List<Tensor> tensors(Object v) {
        List<Tensor> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            out.add(GoldenTensors.decode(o, "t"));
        }
        return out;
    }

    private static Tensor grad(Tensor p, Tensor a, Tensor b, double c) {
        Tensor v = p.reshape(p.numel());
        return a.matmul(v).sub(b).add(v.pow(3).mul(4 * c)).reshape(p.shape());
    }

    private static double loss(List<Tensor> ps, List<Tensor> as, List<Tensor> bs, double c) {
        double f = 0;
        for (int i = 0; i < ps.size(); i++) {
            Tensor v = ps.get(i).reshape(ps.get(i).numel());
            f += v.dot(as.get(i).matmul(v)).item() * 0.5 - bs.get(i).dot(v).item() + c * v.pow(4).sum().item();
        }
        return f;
    }

    private static Tolerance tol(Map<String, Object> c, String field) {
        Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) c.get("tolerance")).get(field);
        return new Tolerance(Json.toDouble(t.get("rtol")), Json.toDouble(t.get("atol")));
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorch(String id, Map<String, Object> c) {
        Map<String, Object> problem = (Map<String, Object>) c.get("problem");
        List<Tensor> as = tensors(problem.get("A"));
        List<Tensor> bs = tensors(problem.get("b"));
        double cc = Json.toDouble(problem.get("c"));
        List<Tensor> params = tensors(c.get("params0"));
        List<GroupSpec> groups = new ArrayList<>();
        for (Object go : (List<Object>) c.get("param_groups")) {
            Map<String, Object> g = new java.util.LinkedHashMap<>((Map<String, Object>) go);
            List<Tensor> ps = new ArrayList<>();
            for (Object i : (List<?>) g.remove("params")) {
                ps.add(params.get((int) Json.toDouble(i)));
            }
            groups.add(new GroupSpec(ps, Options.of(g)));
        }
        Optimizer opt = Optimizers.create((String) c.get("algorithm"), groups, Options.of((Map<String, Object>) c.get("options")));
        List<Tensor> traj = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        int steps = (int) Json.toDouble(c.get("steps"));
        for (int s = 0; s < steps; s++) {
            opt.zeroGrad();
            List<Tensor> cur = opt.paramGroups().stream().flatMap(g -> g.params().stream()).toList();
            List<Tensor> ordered = new ArrayList<>(params);
            // map the optimizer's current tensors back to indices
            int k = 0;
            for (Object go : (List<Object>) c.get("param_groups")) {
                for (Object i : (List<?>) ((Map<String, Object>) go).get("params")) {
                    ordered.set((int) Json.toDouble(i), cur.get(k++));
                }
            }
            losses.add(loss(ordered, as, bs, cc));
            for (int i = 0; i < ordered.size(); i++) {
                ordered.get(i).setGrad(grad(ordered.get(i), as.get(i), bs.get(i), cc));
            }
            opt.step();
            cur = opt.paramGroups().stream().flatMap(g -> g.params().stream()).toList();
            k = 0;
            for (Object go : (List<Object>) c.get("param_groups")) {
                for (Object i : (List<?>) ((Map<String, Object>) go).get("params")) {
                    ordered.set((int) Json.toDouble(i), cur.get(k++));
                }
            }
            traj.addAll(ordered);
        }
        List<Object> expTraj = (List<Object>) c.get("trajectory");
        int n = params.size();
        for (int s = 0; s < steps; s++) {
            List<Tensor> exp = tensors(expTraj.get(s));
            for (int i = 0; i < n; i++) {
                Tolerance.Comparison r = tol(c, "trajectory").compare(traj.get(s * n + i), exp.get(i));
                assertThat(r.passed()).as("step %d param %d: %s", s, i, r.problem()).isTrue();
            }
        }
        List<Object> expLoss = (List<Object>) c.get("losses");
        for (int s = 0; s < steps; s++) {
            assertThat(tol(c, "losses").accepts(losses.get(s), Json.toDouble(expLoss.get(s)))).as("loss %d", s).isTrue();
        }
        Map<String, Object> fs = (Map<String, Object>) c.get("final_state");
        List<Object> expState = (List<Object>) fs.get("state");
        List<Tensor> cur = opt.paramGroups().stream().flatMap(g -> g.params().stream()).toList();
        int k = 0;
        List<Tensor> ordered = new ArrayList<>(params);
        for (Object go : (List<Object>) c.get("param_groups")) {
            for (Object i : (List<?>) ((Map<String, Object>) go).get("params")) {
                ordered.set((int) Json.toDouble(i), cur.get(k++));
            }
        }
        for (int i = 0; i < n; i++) {
            Map<String, Object> exp = (Map<String, Object>) expState.get(i);
            Map<String, Object> act = opt.state(ordered.get(i));
            assertThat(act.keySet()).as("state keys of %d", i).containsExactlyElementsOf(exp.keySet());
            for (String key : exp.keySet()) {
                Tensor e = GoldenTensors.decode(exp.get(key), key);
                Tensor a = (Tensor) act.get(key);
                assertThat(a.dim()).isEqualTo(e.dim());
                Tolerance.Comparison r = tol(c, "final_state").compare(a, e);
                assertThat(r.passed()).as("state %d %s: %s", i, key, r.problem()).isTrue();
            }
        }
        List<Object> expGroups = (List<Object>) fs.get("param_groups");
        for (int g = 0; g < expGroups.size(); g++) {
            Map<String, Object> exp = new java.util.LinkedHashMap<>((Map<String, Object>) expGroups.get(g));
            exp.remove("params");
            Options actual = opt.paramGroups().get(g).options();
            // key order of overridden groups is the Optimizer base's business (torch puts overrides first)
            assertThat(actual.keys()).as("group %d keys", g).containsExactlyInAnyOrderElementsOf(exp.keySet());
            for (String key : exp.keySet()) {
                Object e = exp.get(key);
                Object a = actual.get(key);
                if (e instanceof Number en) {
                    assertThat(((Number) a).doubleValue()).as("group %d %s", g, key).isEqualTo(en.doubleValue());
                } else if (e instanceof List<?> el) {
                    assertThat(a).as("group %d %s", g, key).isEqualTo(el.stream().map(x -> ((Number) x).doubleValue()).toList());
                } else {
                    assertThat(a).as("group %d %s", g, key).isEqualTo(e);
                }
            }
        }
    }
}
