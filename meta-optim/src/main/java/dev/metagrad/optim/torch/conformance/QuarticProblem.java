package dev.metagrad.optim.torch.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objective of {@code torch_optim.json} (FORMAT.md 4.1), per parameter p_i flattened row-major to v:
 * <pre>
 *   f(p) = Σ_i [ 0.5 vᵀ A_i v − b_iᵀ v + c Σ_k v_k⁴ ]
 * </pre>
 * evaluated as torch did ({@code 0.5*dot(v, A@v) - dot(b, v) + c*sum(v**4)} per parameter, summed in index order)
 * with autograd, so {@code backward()} fills the gradients.
 */
final class QuarticProblem {
    private final List<Tensor> a;
    private final List<Tensor> b;
    private final double c;

    private QuarticProblem(List<Tensor> a, List<Tensor> b, double c) {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /** Decodes a case's {@code "problem"} object for {@code count} parameters. */
    static QuarticProblem decode(Object problem, int count) {
        if (!(problem instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("problem: expected an object, got " + Json.describe(problem));
        }
        if (!(m.get("A") instanceof List<?> as) || !(m.get("b") instanceof List<?> bs)) {
            throw new IllegalArgumentException("problem: needs lists \"A\" and \"b\"");
        }
        if (as.size() != count || bs.size() != count) {
            throw new IllegalArgumentException("problem: " + as.size() + " A and " + bs.size() + " b for " + count + " parameters");
        }
        List<Tensor> a = new ArrayList<>();
        List<Tensor> b = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            a.add(GoldenTensors.decode(as.get(i), "problem.A[" + i + "]"));
            b.add(GoldenTensors.decode(bs.get(i), "problem.b[" + i + "]"));
        }
        return new QuarticProblem(a, b, Json.toDouble(m.get("c")));
    }

    /** f at {@code params}, given by case index. */
    Tensor loss(List<Tensor> params) {
        Tensor total = null;
        for (int i = 0; i < params.size(); i++) {
            Tensor v = params.get(i).reshape(params.get(i).numel());
            Tensor term = v.dot(a.get(i).matmul(v)).mul(0.5).sub(b.get(i).dot(v)).add(v.pow(4).sum().mul(c));
            total = total == null ? term : total.add(term);
        }
        return total;
    }
}
