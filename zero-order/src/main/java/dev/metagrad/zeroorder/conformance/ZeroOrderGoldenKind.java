package dev.metagrad.zeroorder.conformance;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.TensorFunction;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;
import dev.metagrad.optim.conformance.TorchOptKind;
import dev.metagrad.zeroorder.Method;
import dev.metagrad.zeroorder.ZeroOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code torchopt.json} cases of kind {@code zero_order} (FORMAT-torchopt.md section 10): for each
 * of naive, antithetic and forward, wraps {@code quad_sin_coupled} with {@link ZeroOrder} fed the recorded
 * noise, back-propagates γ and compares the gradients with {@code estimates}; also checks {@code value} and
 * {@code true_grad} (autograd on the unwrapped function). Registered as a {@link TorchOptKind} service.
 */
public final class ZeroOrderGoldenKind implements TorchOptKind {
    private static final String[] NAMES = {"x", "y", "a"};

    /** For {@link java.util.ServiceLoader}. */
    public ZeroOrderGoldenKind() {
    }

    /** {@code "zero_order"}. */
    @Override
    public String kind() {
        return "zero_order";
    }

    /** Runs one case; failures are reported per field ({@code value}, {@code estimates.naive[0]}, ...). */
    @Override
    public CaseResult run(String id, Map<String, Object> data) {
        String op = "zero_order";
        if (!"quad_sin_coupled".equals(data.get("function"))) {
            return CaseResult.error(id, op, "unknown function " + data.get("function"));
        }
        Map<String, Object> inputs = object(data.get("inputs"), "inputs");
        Tensor[] theta = new Tensor[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            theta[i] = GoldenTensors.decode(inputs.get(NAMES[i]), "inputs." + NAMES[i]);
        }
        List<?> argnames = list(data.get("argnums"), "argnums");
        int[] argnums = new int[argnames.size()];
        for (int j = 0; j < argnums.length; j++) {
            argnums[j] = List.of(NAMES).indexOf(argnames.get(j));
            if (argnums[j] < 0 || argnums[j] == 2) {
                return CaseResult.error(id, op, "argnums[" + j + "]: cannot differentiate " + argnames.get(j));
            }
        }
        double sigma = Json.toDouble(data.get("sigma"));
        int n = (int) Json.toDouble(data.get("num_samples"));
        double gamma = Json.toDouble(data.get("grad_output"));
        List<Tensor> draws = new ArrayList<>();
        List<?> noises = list(data.get("noises"), "noises");
        for (int k = 0; k < noises.size(); k++) {
            List<?> perArg = list(noises.get(k), "noises[" + k + "]");
            for (int j = 0; j < perArg.size(); j++) {
                draws.add(GoldenTensors.decode(perArg.get(j), "noises[" + k + "][" + j + "]"));
            }
        }
        Map<String, Object> tolerances = object(data.get("tolerance"), "tolerance");
        TensorFunction f = in -> QuadSinCoupled.apply(in[0], in[1], in[2]);

        // value and true gradient, straight through autograd
        Tensor[] leaves = leaves(theta, argnums);
        Tensor value = f.apply(leaves);
        CaseResult bad = compare(id, "value", List.of(value),
                List.of(Tensor.scalar(Json.toDouble(data.get("value")))), tolerance(tolerances, "value"));
        if (bad != null) {
            return bad;
        }
        bad = compare(id, "true_grad", grads(value.mul(gamma), leaves, argnums),
                GoldenTensorsList.of(data.get("true_grad"), "true_grad"), tolerance(tolerances, "true_grad"));
        if (bad != null) {
            return bad;
        }

        Map<String, Object> estimates = object(data.get("estimates"), "estimates");
        for (Method method : new Method[] {Method.NAIVE, Method.ANTITHETIC, Method.FORWARD}) {
            String name = method.name().toLowerCase();
            TensorFunction wrapped = ZeroOrder.zeroOrder(new ReplayedNoise(draws), method, argnums, n, sigma).apply(f);
            Tensor[] in = leaves(theta, argnums);
            List<Tensor> actual = grads(wrapped.apply(in).mul(gamma), in, argnums);
            bad = compare(id, "estimates." + name, actual, GoldenTensorsList.of(estimates.get(name), "estimates." + name),
                    tolerance(tolerances, "estimates"));
            if (bad != null) {
                return bad;
            }
        }
        return CaseResult.pass(id, op);
    }

    private static Tensor[] leaves(Tensor[] theta, int[] argnums) {
        Tensor[] out = theta.clone();
        for (int a : argnums) {
            out[a] = theta[a].detach().requiresGrad(true);
        }
        return out;
    }

    private static List<Tensor> grads(Tensor output, Tensor[] leaves, int[] argnums) {
        Tensor[] wrt = new Tensor[argnums.length];
        for (int j = 0; j < argnums.length; j++) {
            wrt[j] = leaves[argnums[j]];
        }
        return List.of(Autograd.grad(output, wrt));
    }

    private static CaseResult compare(String id, String field, List<Tensor> actual, List<Tensor> expected, Tolerance tol) {
        if (actual.size() != expected.size()) {
            return CaseResult.malformed(id, "zero_order", field, actual.size() + " tensors != expected " + expected.size());
        }
        for (int i = 0; i < actual.size(); i++) {
            Tolerance.Comparison c = tol.compare(actual.get(i), expected.get(i));
            if (!c.passed()) {
                String where = field + "[" + i + "]";
                return c.problem() != null ? CaseResult.malformed(id, "zero_order", where, c.problem())
                        : CaseResult.mismatch(id, "zero_order", where, c.worstAbs(), c.worstRel());
            }
        }
        return null;
    }

    private static Tolerance tolerance(Map<String, Object> all, String field) {
        Map<String, Object> t = object(all.get(field), "tolerance." + field);
        return new Tolerance(Json.toDouble(t.get("rtol")), Json.toDouble(t.get("atol")));
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

    /** Decoding of a JSON list of tensors. */
    private static final class GoldenTensorsList {
        static List<Tensor> of(Object value, String what) {
            List<?> raw = list(value, what);
            List<Tensor> out = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                out.add(GoldenTensors.decode(raw.get(i), what + "[" + i + "]"));
            }
            return out;
        }
    }
}
