package dev.metagrad.implicit.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.implicit.CustomRootOptions;
import dev.metagrad.implicit.Implicit;
import dev.metagrad.implicit.InnerSolver;
import dev.metagrad.implicit.Optimality;
import dev.metagrad.implicit.RootSolver;
import dev.metagrad.implicit.WithAux;
import dev.metagrad.linearsolve.LinearOperator;
import dev.metagrad.linearsolve.LinearSolve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code problem: "ridge"} (FORMAT-torchopt.md §9.1): {@code solver(w0, loglam, X, y)} solves
 * {@code (XᵀX + diag λ) w* = Xᵀy} (λ = exp(loglam)) densely by LU, as {@code torch.linalg.solve} does;
 * {@code F(w, loglam, X, y) = Xᵀ(Xw − y) + λ ⊙ w}; outer loss {@code mean((Xv w* − yv)²)}. With has_aux the
 * solver also returns {@code {"inner_objective": 0.5‖Xw* − y‖² + 0.5 Σ λ w*², "num_iters": 1}}.
 */
final class RidgeGolden implements GoldenProblem {
    private final Tensor x;
    private final Tensor y;
    private final Tensor xv;
    private final Tensor yv;
    private final Tensor loglam;
    private final boolean hasAux;

    RidgeGolden(Map<String, Object> data, boolean hasAux) {
        this.x = GoldenTensors.decode(data.get("X"), "data.X");
        this.y = GoldenTensors.decode(data.get("y"), "data.y");
        this.xv = GoldenTensors.decode(data.get("Xv"), "data.Xv");
        this.yv = GoldenTensors.decode(data.get("yv"), "data.yv");
        this.loglam = GoldenTensors.decode(data.get("loglam"), "data.loglam");
        this.hasAux = hasAux;
    }

    @Override
    public List<String> argNames() {
        return List.of("loglam", "X", "y");
    }

    @Override
    public List<Tensor> args() {
        return List.of(loglam, x, y);
    }

    @Override
    public Tensor z0() {
        return Tensor.zerosLike(loglam);
    }

    @Override
    public RootSolver rootSolver(CustomRootOptions options) {
        Optimality f = (w, args) -> {
            Tensor lg = (Tensor) args.get(0);
            Tensor xs = (Tensor) args.get(1);
            Tensor ys = (Tensor) args.get(2);
            Tensor wt = (Tensor) w;
            return xs.t().matmul(xs.matmul(wt).sub(ys)).add(lg.exp().mul(wt));
        };
        InnerSolver solver = (w0, args) -> {
            Tensor lam = ((Tensor) args.get(0)).exp();
            Tensor xs = (Tensor) args.get(1);
            Tensor ys = (Tensor) args.get(2);
            LinearOperator hessian = v -> xs.t().matmul(xs.matmul((Tensor) v)).add(lam.mul((Tensor) v));
            Tensor w = (Tensor) LinearSolve.solveLu().solve(hessian, xs.t().matmul(ys)).x();
            if (!hasAux) {
                return w;
            }
            Map<String, Object> aux = new LinkedHashMap<>();
            aux.put("inner_objective", xs.matmul(w).sub(ys).square().sum().mul(0.5)
                    .add(lam.mul(w.square()).sum().mul(0.5)));
            aux.put("num_iters", 1);
            return new WithAux(w, aux);
        };
        return Implicit.customRoot(f, solver, options);
    }

    @Override
    public Tensor outerLoss(Tensor w) {
        return xv.matmul(w).sub(yv).square().mean();
    }

    @Override
    public String solutionField() {
        return "w_star";
    }
}
