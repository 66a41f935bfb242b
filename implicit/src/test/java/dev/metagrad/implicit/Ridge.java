package dev.metagrad.implicit;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;

import java.util.List;

/**
 * Ridge regression with per-feature penalties, the test problem of FORMAT-torchopt.md §9.1:
 * {@code w* = argmin 0.5‖Xw − y‖² + 0.5 Σ_j exp(loglam_j) w_j²}, optimality
 * {@code F(w, loglam, X, y) = Xᵀ(Xw − y) + λ ⊙ w}, outer loss {@code mean((Xv w* − yv)²)}.
 */
record Ridge(Tensor x, Tensor y, Tensor xv, Tensor yv, Tensor loglam) {
    static Ridge random(long seed, int n, int d, int m) {
        Generator rng = new Generator(seed);
        Tensor x = Tensor.randn(rng, n, d);
        Tensor y = Tensor.randn(rng, n);
        Tensor xv = Tensor.randn(rng, m, d);
        Tensor yv = Tensor.randn(rng, m);
        Tensor loglam = Tensor.randn(rng, d).mul(0.5);
        return new Ridge(x, y, xv, yv, loglam);
    }

    /** F(w, [loglam, X, y]). */
    static Optimality optimality() {
        return (w, args) -> {
            Tensor loglam = (Tensor) args.get(0);
            Tensor x = (Tensor) args.get(1);
            Tensor y = (Tensor) args.get(2);
            Tensor wt = (Tensor) w;
            return x.t().matmul(x.matmul(wt).sub(y)).add(loglam.exp().mul(wt));
        };
    }

    /** The closed-form inner solver over [loglam, X, y], in doubles. */
    static InnerSolver closedForm() {
        return (w0, args) -> Tensor.of(solve((Tensor) args.get(0), (Tensor) args.get(1), (Tensor) args.get(2)));
    }

    /** (XᵀX + diag λ)⁻¹ Xᵀy. */
    static double[] solve(Tensor loglam, Tensor x, Tensor y) {
        return Dense.solve(hessian(loglam, x), Dense.times(Dense.transpose(x.toDoubleArray2d()), y.toDoubleArray()));
    }

    static double[][] hessian(Tensor loglam, Tensor x) {
        double[][] xs = x.toDoubleArray2d();
        double[] lam = loglam.exp().toDoubleArray();
        int d = lam.length;
        double[][] h = new double[d][d];
        for (double[] row : xs) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    h[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            h[i][i] += lam[i];
        }
        return h;
    }

    Tensor outerLoss(Tensor w) {
        return xv.matmul(w).sub(yv).square().mean();
    }

    /** The exact hypergradient dL/dloglam = λ ⊙ w* ⊙ u with u = −(XᵀX + diag λ)⁻¹ ḡ, ḡ = (2/m) Xvᵀ(Xv w* − yv). */
    double[] analyticGrad() {
        double[] w = solve(loglam, x, y);
        double[] resid = xv.matmul(Tensor.of(w)).sub(yv).mul(2.0 / yv.numel()).toDoubleArray();
        double[] g = Dense.times(Dense.transpose(xv.toDoubleArray2d()), resid);
        double[] u = Dense.solve(hessian(loglam, x), g);
        double[] lam = loglam.exp().toDoubleArray();
        double[] out = new double[w.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = -lam[j] * w[j] * u[j];
        }
        return out;
    }

    List<Object> args(Tensor loglamArg) {
        return List.of(loglamArg, x, y);
    }
}
