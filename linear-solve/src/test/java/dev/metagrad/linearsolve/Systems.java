package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small test systems whose solutions are known by construction ({@code b = A x_true} by plain matmul). */
final class Systems {
    private Systems() {
    }

    /** {@code S Sᵀ + shift I}, symmetric positive definite for shift > 0. */
    static Tensor spd(Tensor s, double shift) {
        int n = s.shape()[0];
        return s.matmul(s.t()).add(Tensor.eye(n).mul(shift));
    }

    /** A random SPD matrix [n, n] with eigenvalues at least 1. */
    static Tensor randomSpd(long seed, int n) {
        return spd(Tensor.randn(new Generator(seed), n, n), 1.0);
    }

    /** A random non-symmetric, well conditioned matrix [n, n]: {@code 3I + G/√n}. */
    static Tensor randomGeneral(long seed, int n) {
        return Tensor.eye(n).mul(3.0).add(Tensor.randn(new Generator(seed), n, n).div(Math.sqrt(n)));
    }

    static Tensor randomVector(long seed, int n) {
        return Tensor.randn(new Generator(seed), n);
    }

    static double[][] rows(Tensor m) {
        return m.toDoubleArray2d();
    }

    /**
     * The operator of a 5×5 matrix on trees {@code {u: [2], v: [3]}}: the leaves are stacked into one vector
     * [u; v], multiplied, and cut apart again, so the leaves are coupled.
     */
    static LinearOperator blockOperator(Tensor m) {
        return x -> {
            @SuppressWarnings("unchecked")
            Map<String, Tensor> t = (Map<String, Tensor>) x;
            Tensor u = t.get("u");
            Tensor v = t.get("v");
            Tensor top = m.narrow(0, 0, 2);
            Tensor bottom = m.narrow(0, 2, 3);
            Tensor au = top.narrow(1, 0, 2).matmul(u).add(top.narrow(1, 2, 3).matmul(v));
            Tensor av = bottom.narrow(1, 0, 2).matmul(u).add(bottom.narrow(1, 2, 3).matmul(v));
            return tree(au, av);
        };
    }

    static Map<String, Tensor> tree(Tensor u, Tensor v) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("u", u);
        t.put("v", v);
        return t;
    }

    /** Splits a vector [5] into the tree {@code {u: [2], v: [3]}}. */
    static Map<String, Tensor> split(Tensor x) {
        return tree(x.narrow(0, 0, 2), x.narrow(0, 2, 3));
    }

    static List<String> names() {
        return List.of("u", "v");
    }
}
