package dev.metagrad.optim.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alias objective of FORMAT-torchopt.md section 4.1, with v_i the row-major flattening of p_i:
 * <pre>
 *   f(p)  = Σ_i [ 0.5 · v_iᵀ A_i v_i − b_iᵀ v_i + c · Σ_k v_{i,k}⁴ ]
 *   ∇_i f = A_i v_i − b_i + 4c · v_i³
 *   objective = sign · f,   gradient = sign · ∇f
 * </pre>
 * computed with tensor ops.
 */
final class QuadraticProblem {
    private final List<Tensor> a;
    private final List<Tensor> b;
    private final double c;
    private final double sign;

    QuadraticProblem(Map<String, Object> problem) {
        this.a = GoldenTensors.decodeList(problem.get("A"), "problem.A");
        this.b = GoldenTensors.decodeList(problem.get("b"), "problem.b");
        this.c = Json.toDouble(problem.get("c"));
        this.sign = Json.toDouble(problem.get("sign"));
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("problem: " + a.size() + " matrices A but " + b.size() + " vectors b");
        }
    }

    /** {@code sign · f(params)}. */
    double objective(List<Tensor> params) {
        check(params);
        Tensor total = Tensor.scalar(0.0);
        for (int i = 0; i < params.size(); i++) {
            Tensor v = flat(params.get(i));
            Tensor quad = v.dot(a.get(i).matmul(v)).mul(0.5);
            Tensor quartic = v.square().square().sum().mul(c);
            total = total.add(quad.sub(b.get(i).dot(v)).add(quartic));
        }
        return sign * total.item();
    }

    /** {@code sign · ∇f(params)}, leaf by leaf in the params' shapes. */
    List<Tensor> gradient(List<Tensor> params) {
        check(params);
        List<Tensor> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            Tensor v = flat(p);
            Tensor g = a.get(i).matmul(v).sub(b.get(i)).add(v.pow(3).mul(4 * c));
            out.add(g.mul(sign).reshape(p.shape()));
        }
        return out;
    }

    private static Tensor flat(Tensor p) {
        return p.reshape(p.numel());
    }

    private void check(List<Tensor> params) {
        if (params.size() != a.size()) {
            throw new IllegalArgumentException("problem has " + a.size() + " blocks but there are " + params.size() + " params");
        }
    }
}
