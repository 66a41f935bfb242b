package dev.metagrad.conformance;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Arithmetic;
import dev.metagrad.autograd.ops.Reductions;
import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One case of {@code autograd_ops.json} (FORMAT.md section 3.1): checks the forward value, the VJP
 * {@code grads} with the case's cotangent, and the Hessian-vector product {@code hvp} = d/dx of
 * {@code S = sum_j sum(grads[j] * directions[j])} over the differentiable inputs.
 */
public final class AutogradOpsCase implements ConformanceCase {
    private final String id;
    private final String op;
    private final String kind;
    private final Map<String, Object> data;

    /**
     * A case over its parsed JSON object.
     *
     * @param id   the case id (a placeholder when the file lacks one)
     * @param data the case's object
     */
    public AutogradOpsCase(String id, Map<String, Object> data) {
        this.id = id;
        this.data = data;
        this.op = data.get("op") instanceof String s ? s : null;
        this.kind = data.get("kind") instanceof String s ? s : null;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String op() {
        return op;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public CaseResult run() {
        // recording must be on whatever the caller's mode is, or there is nothing to differentiate
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            return check();
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            boolean plain = e instanceof IllegalArgumentException || e instanceof IllegalStateException;
            return CaseResult.error(id, op, plain ? message : e.getClass().getSimpleName() + ": " + message);
        }
    }

    private CaseResult check() {
        if (op == null) {
            return CaseResult.error(id, null, "case has no \"op\" string");
        }
        AutogradOps.Op entry = AutogradOps.get(op);
        if (entry == null) {
            return CaseResult.error(id, op, "unknown op \"" + op + "\"");
        }

        List<?> inputJson = list("inputs");
        int n = inputJson.size();
        List<?> requires = list("requires_grad", n);
        List<Tensor> inputs = new ArrayList<>(n);
        List<Integer> diff = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Tensor x = GoldenTensors.decode(inputJson.get(k), "inputs[" + k + "]");
            if (!(requires.get(k) instanceof Boolean rg)) {
                throw new IllegalArgumentException("requires_grad[" + k + "] must be true or false, got "
                        + Json.describe(requires.get(k)));
            }
            if (rg) {
                x.requiresGrad(true);
                diff.add(k);
            }
            inputs.add(x);
        }

        Tensor out = entry.call(inputs, new OpArgs(op, args()));
        Tensor expected = GoldenTensors.decode(data.get("output"), "output");
        CaseResult bad = compare("output", out, expected, Tolerance.AUTOGRAD);
        if (bad != null) {
            return bad;
        }

        List<?> gradJson = list("grads", n);
        List<?> dirJson = list("directions", n);
        List<?> hvpJson = list("hvp", n);
        for (int k = 0; k < n; k++) {
            if (!diff.contains(k) && (gradJson.get(k) != null || dirJson.get(k) != null || hvpJson.get(k) != null)) {
                throw new IllegalArgumentException("input " + k + " does not require grad, so grads[" + k
                        + "], directions[" + k + "] and hvp[" + k + "] must be null");
            }
        }
        if (diff.isEmpty()) {
            return CaseResult.pass(id, op);
        }

        Tensor[] d = diff.stream().map(inputs::get).toArray(Tensor[]::new);
        Tensor cotangent = GoldenTensors.decode(data.get("cotangent"), "cotangent");
        Tensor[] grads = out.requiresGrad()
                ? Autograd.gradOf(out).inputs(d).gradOutputs(cotangent).createGraph(true).materializeGrads(true).compute()
                : zerosLike(d); // the output is constant in every input, so is L
        for (int j = 0; j < d.length; j++) {
            int k = diff.get(j);
            bad = compare("grads[" + k + "]", grads[j], GoldenTensors.decode(gradJson.get(k), "grads[" + k + "]"),
                    Tolerance.AUTOGRAD);
            if (bad != null) {
                return bad;
            }
        }

        Tensor s = null;
        for (int j = 0; j < d.length; j++) {
            int k = diff.get(j);
            Tensor v = GoldenTensors.decode(dirJson.get(k), "directions[" + k + "]");
            if (!Arrays.equals(v.shape(), d[j].shape())) {
                throw new IllegalArgumentException("directions[" + k + "] has shape " + Shape.str(v.shape())
                        + " but input " + k + " has shape " + Shape.str(d[j].shape()));
            }
            Tensor term = Reductions.sum(Arithmetic.mul(grads[j], v));
            s = s == null ? term : Arithmetic.add(s, term);
        }
        // grads that depend on no differentiable input (linear ops, relu, ...) leave S constant: hvp = 0
        Tensor[] hvp = s.requiresGrad()
                ? Autograd.gradOf(s).inputs(d).materializeGrads(true).compute()
                : zerosLike(d);
        for (int j = 0; j < d.length; j++) {
            int k = diff.get(j);
            bad = compare("hvp[" + k + "]", hvp[j], GoldenTensors.decode(hvpJson.get(k), "hvp[" + k + "]"),
                    Tolerance.AUTOGRAD_HVP);
            if (bad != null) {
                return bad;
            }
        }
        return CaseResult.pass(id, op);
    }

    /** Null when within tolerance, else the failed result for {@code field}. */
    private CaseResult compare(String field, Tensor actual, Tensor expected, Tolerance tolerance) {
        if (actual.dtype() != expected.dtype()) {
            return CaseResult.malformed(id, op, field, "dtype " + actual.dtype() + " != expected " + expected.dtype());
        }
        Tolerance.Comparison c = tolerance.compare(actual, expected);
        if (c.problem() != null) {
            return CaseResult.malformed(id, op, field, c.problem());
        }
        return c.passed() ? null : CaseResult.mismatch(id, op, field, c.worstAbs(), c.worstRel());
    }

    private static Tensor[] zerosLike(Tensor[] xs) {
        Tensor[] z = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) {
            z[i] = Tensor.zerosLike(xs[i]);
        }
        return z;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> args() {
        Object args = data.get("args");
        if (args == null) {
            return Map.of();
        }
        if (!(args instanceof Map)) {
            throw new IllegalArgumentException("\"args\" must be an object, got " + Json.describe(args));
        }
        return (Map<String, Object>) args;
    }

    private List<?> list(String field) {
        Object v = data.get(field);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("\"" + field + "\" must be an array, got " + Json.describe(v));
        }
        return l;
    }

    private List<?> list(String field, int size) {
        List<?> l = list(field);
        if (l.size() != size) {
            throw new IllegalArgumentException("\"" + field + "\" has " + l.size() + " entries for " + size + " inputs");
        }
        return l;
    }
}
