package dev.metagrad.implicit;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.autograd.ops.Indexing;
import dev.metagrad.linearsolve.Solution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RootSolverTest {
    private final Ridge ridge = Ridge.random(7, 12, 3, 9);

    private RootSolver ridgeSolver(CustomRootOptions.Builder options) {
        return Implicit.customRoot(Ridge.optimality(), Ridge.closedForm(), options.build());
    }

    private RootSolver ridgeSolver() {
        return ridgeSolver(CustomRootOptions.builder().argnums(1).solve(TestSolvers.dense()));
    }

    private Tensor hypergradient(RootSolver solver, Tensor loglam) {
        Tensor w = (Tensor) solver.solve(null, loglam, ridge.x(), ridge.y());
        return Autograd.grad(ridge.outerLoss(w), loglam)[0];
    }

    @Test
    void forwardReturnsTheSolversSolution() {
        Tensor w = (Tensor) ridgeSolver().solve(null, ridge.loglam().detach().requiresGrad(true), ridge.x(), ridge.y());
        assertThat(w.toDoubleArray()).containsExactly(Ridge.solve(ridge.loglam(), ridge.x(), ridge.y()));
        assertThat(w.requiresGrad()).isTrue();
    }

    @Test
    void hypergradientMatchesTheAnalyticFormula() {
        Tensor g = hypergradient(ridgeSolver(), ridge.loglam().detach().requiresGrad(true));
        assertClose(g.toDoubleArray(), ridge.analyticGrad(), 1e-12);
    }

    @Test
    void defaultLinearSolverIsNormalCg() {
        RootSolver solver = Implicit.customRoot(Ridge.optimality(), Ridge.closedForm(), CustomRootOptions.argnums(1));
        List<Solution> seen = new ArrayList<>();
        RootSolver observed = ridgeSolver(CustomRootOptions.builder().argnums(1).onLinearSolve(seen::add));
        Tensor g = hypergradient(solver, ridge.loglam().detach().requiresGrad(true));
        hypergradient(observed, ridge.loglam().detach().requiresGrad(true));
        // CG on the 3×3 normal equations stops at rtol 1e-5 after at most 3 (exact-arithmetic) iterations
        assertThat(seen).singleElement().satisfies(s -> assertThat(s.converged()).isTrue());
        assertClose(g.toDoubleArray(), ridge.analyticGrad(), 1e-6);
    }

    @Test
    void hypergradientMatchesUnrolledGradientDescent() {
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        // η = 1/‖H‖_F ≤ 1/λmax(H); 3000 steps converge this well-conditioned problem to round-off
        double[][] h = Ridge.hessian(ridge.loglam(), ridge.x());
        double frob = 0;
        for (double[] row : h) {
            for (double v : row) {
                frob += v * v;
            }
        }
        double eta = 1 / Math.sqrt(frob);
        Tensor w = Tensor.zeros(3);
        List<Object> args = ridge.args(loglam);
        for (int k = 0; k < 3000; k++) {
            w = w.sub(((Tensor) Ridge.optimality().residual(w, args)).mul(eta));
        }
        Tensor unrolled = Autograd.grad(ridge.outerLoss(w), loglam)[0];
        Tensor implicit = hypergradient(ridgeSolver(), loglam);
        assertClose(implicit.toDoubleArray(), unrolled.toDoubleArray(), 1e-9);
    }

    @Test
    void hypergradientPassesGradcheck() {
        RootSolver solver = ridgeSolver();
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> ridge.outerLoss((Tensor) solver.solve(null, in[0], ridge.x(), ridge.y())),
                loglam)).isTrue();
    }

    @Test
    void secondOrderPassesGradgradcheck() {
        // CG in tensor ops, 3 steps on a 3×3 SPD system: exact and differentiable
        RootSolver solver = ridgeSolver(CustomRootOptions.builder().argnums(1, 2).solve(TestSolvers.cg(3)));
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        Tensor x = ridge.x().detach().requiresGrad(true);
        assertThat(GradCheck.gradgradcheck(in -> ridge.outerLoss((Tensor) solver.solve(null, in[0], in[1], ridge.y())),
                loglam, x)).isTrue();
    }

    @Test
    void hessianVectorProductMatchesUnrolledDifferentiation() {
        RootSolver solver = ridgeSolver(CustomRootOptions.builder().argnums(1).solve(TestSolvers.cg(3)));
        Tensor v = Tensor.of(0.3, -1.1, 0.7);
        Tensor implicitLoglam = ridge.loglam().detach().requiresGrad(true);
        Tensor w = (Tensor) solver.solve(null, implicitLoglam, ridge.x(), ridge.y());
        Tensor g = Autograd.gradOf(ridge.outerLoss(w)).inputs(implicitLoglam).createGraph(true).compute()[0];
        Tensor implicitHv = Autograd.grad(g.dot(v), implicitLoglam)[0];

        Tensor unrolledLoglam = ridge.loglam().detach().requiresGrad(true);
        Tensor wu = Tensor.zeros(3);
        List<Object> args = ridge.args(unrolledLoglam);
        for (int k = 0; k < 3000; k++) {
            wu = wu.sub(((Tensor) Ridge.optimality().residual(wu, args)).mul(0.02));
        }
        Tensor gu = Autograd.gradOf(ridge.outerLoss(wu)).inputs(unrolledLoglam).createGraph(true).compute()[0];
        Tensor unrolledHv = Autograd.grad(gu.dot(v), unrolledLoglam)[0];
        assertClose(implicitHv.toDoubleArray(), unrolledHv.toDoubleArray(), 1e-8);
    }

    @Test
    void gradientWithRespectToTheDesignMatrixMatchesTheAnalyticFormula() {
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        Tensor x = ridge.x().detach().requiresGrad(true);
        RootSolver solver = ridgeSolver(CustomRootOptions.builder().argnums(1, 2).solve(TestSolvers.dense()));
        Tensor w = (Tensor) solver.solve(null, loglam, x, ridge.y());
        Tensor[] grads = Autograd.grad(ridge.outerLoss(w), loglam, x);
        // grads["X"] = (X w* − y) uᵀ + (X u) w*ᵀ with u = −H⁻¹ ḡ (FORMAT-torchopt.md §9.1)
        double[] ws = Ridge.solve(ridge.loglam(), ridge.x(), ridge.y());
        double[] resid = ridge.xv().matmul(Tensor.of(ws)).sub(ridge.yv()).mul(2.0 / 9).toDoubleArray();
        double[] gbar = Dense.times(Dense.transpose(ridge.xv().toDoubleArray2d()), resid);
        double[] u = Dense.solve(Ridge.hessian(ridge.loglam(), ridge.x()), gbar);
        for (int i = 0; i < u.length; i++) {
            u[i] = -u[i];
        }
        Tensor uT = Tensor.of(u);
        Tensor wT = Tensor.of(ws);
        Tensor expected = ridge.x().matmul(wT).sub(ridge.y()).outer(uT).add(ridge.x().matmul(uT).outer(wT));
        assertClose(grads[1].toDoubleArray(), expected.toDoubleArray(), 1e-12);
        assertClose(grads[0].toDoubleArray(), ridge.analyticGrad(), 1e-12);
    }

    @Test
    void argumentsOutsideArgnumsGetNoGradient() {
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        Tensor x = ridge.x().detach().requiresGrad(true);
        RootSolver solver = ridgeSolver(CustomRootOptions.builder().argnums(2).solve(TestSolvers.dense()));
        Tensor w = (Tensor) solver.solve(null, loglam, x, ridge.y());
        Tensor[] grads = Autograd.gradOf(ridge.outerLoss(w)).inputs(loglam, x).allowUnused(true).compute();
        assertThat(grads[0]).isNull();
        assertThat(grads[1]).isNotNull();
    }

    @Test
    void withoutArgumentsRequiringGradTheSolutionIsAConstant() {
        Tensor w = (Tensor) ridgeSolver().solve(null, ridge.loglam(), ridge.x(), ridge.y());
        assertThat(w.requiresGrad()).isFalse();
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        try (GradMode.Scope scope = GradMode.noGrad()) {
            assertThat(((Tensor) ridgeSolver().solve(null, loglam, ridge.x(), ridge.y())).requiresGrad()).isFalse();
        }
    }

    @Test
    void theInnerSolverRunsWithoutRecordingOnDetachedArguments() {
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        List<Boolean> seen = new ArrayList<>();
        InnerSolver spy = (w0, args) -> {
            seen.add(GradMode.isEnabled());
            seen.add(((Tensor) args.get(0)).requiresGrad());
            seen.add(args.get(1) == ridge.x());
            return Ridge.closedForm().solve(w0, args);
        };
        Implicit.customRoot(Ridge.optimality(), spy, CustomRootOptions.builder().argnums(1).solve(TestSolvers.dense()).build())
                .solve(null, loglam, ridge.x(), ridge.y());
        assertThat(seen).containsExactly(false, false, true);
    }

    /** The ridge problem with w split into blocks [w0, w1] and [w2], and loglam into a map of two blocks. */
    private RootSolver blockedRidge(dev.metagrad.linearsolve.LinearSolver linearSolver) {
        Optimality blocked = (z, args) -> {
            @SuppressWarnings("unchecked")
            List<Tensor> wb = (List<Tensor>) z;
            @SuppressWarnings("unchecked")
            Map<String, Tensor> lb = (Map<String, Tensor>) args.get(0);
            Tensor w = Indexing.cat(List.of(wb.get(0), wb.get(1)), 0);
            Tensor loglam = Indexing.cat(List.of(lb.get("a"), lb.get("b")), 0);
            Tensor f = (Tensor) Ridge.optimality().residual(w, List.of(loglam, args.get(1), args.get(2)));
            return List.of(f.narrow(0, 0, 2), f.narrow(0, 2, 1));
        };
        InnerSolver solver = (z0, args) -> {
            @SuppressWarnings("unchecked")
            Map<String, Tensor> lb = (Map<String, Tensor>) args.get(0);
            Tensor loglam = Indexing.cat(List.of(lb.get("a"), lb.get("b")), 0);
            double[] w = Ridge.solve(loglam, (Tensor) args.get(1), (Tensor) args.get(2));
            return List.of(Tensor.of(w[0], w[1]), Tensor.of(w[2]));
        };
        return Implicit.customRoot(blocked, solver, CustomRootOptions.builder().argnums(1).solve(linearSolver).build());
    }

    private static Map<String, Tensor> blocks(Tensor a, Tensor b) {
        Map<String, Tensor> loglam = new LinkedHashMap<>();
        loglam.put("a", a);
        loglam.put("b", b);
        return loglam;
    }

    @Test
    void treesOfSeveralTensorsAsSolutionAndArgument() {
        RootSolver rs = blockedRidge(TestSolvers.dense());
        Tensor a = ridge.loglam().narrow(0, 0, 2).detach().requiresGrad(true);
        Tensor b = ridge.loglam().narrow(0, 2, 1).detach().requiresGrad(true);
        @SuppressWarnings("unchecked")
        List<Tensor> w = (List<Tensor>) rs.solve(null, blocks(a, b), ridge.x(), ridge.y());
        assertThat(w.get(0).shape()).containsExactly(2);
        assertThat(w.get(1).shape()).containsExactly(1);
        Tensor[] g = Autograd.grad(ridge.outerLoss(Indexing.cat(w, 0)), a, b);
        double[] expected = ridge.analyticGrad();
        assertClose(g[0].toDoubleArray(), new double[] {expected[0], expected[1]}, 1e-12);
        assertClose(g[1].toDoubleArray(), new double[] {expected[2]}, 1e-12);
    }

    @Test
    void secondOrderThroughTreesPassesGradgradcheck() {
        RootSolver rs = blockedRidge(TestSolvers.cg(3));
        Tensor a = ridge.loglam().narrow(0, 0, 2).detach().requiresGrad(true);
        Tensor b = ridge.loglam().narrow(0, 2, 1).detach().requiresGrad(true);
        assertThat(GradCheck.gradgradcheck(in -> {
            @SuppressWarnings("unchecked")
            List<Tensor> w = (List<Tensor>) rs.solve(null, blocks(in[0], in[1]), ridge.x(), ridge.y());
            return ridge.outerLoss(Indexing.cat(w, 0));
        }, a, b)).isTrue();
    }

    @Test
    void onlyOneLeafOfATreeSolutionUsedDownstream() {
        Optimality f = (z, args) -> {
            @SuppressWarnings("unchecked")
            List<Tensor> zs = (List<Tensor>) z;
            Tensor t = (Tensor) args.get(0);
            return List.of(zs.get(0).sub(t.mul(2)), zs.get(1).sub(t.square()));
        };
        InnerSolver solver = (z0, args) -> List.of(((Tensor) args.get(0)).mul(2), ((Tensor) args.get(0)).square());
        RootSolver rs = Implicit.customRoot(f, solver, CustomRootOptions.builder().argnums(1).solve(TestSolvers.dense()).build());
        Tensor t = Tensor.of(1.5, -0.5).requiresGrad(true);
        @SuppressWarnings("unchecked")
        List<Tensor> z = (List<Tensor>) rs.solve(null, t);
        assertThat(Autograd.grad(z.get(1).sum(), t)[0].toDoubleArray()).containsExactly(3.0, -1.0);
    }

    @Test
    void zeroDimensionalSolutionsWithTheDefaultSolver() {
        // z* = sqrt(θ), root of F = z² − θ; dz*/dθ = 1 / (2 sqrt θ); and c* = 3θ beside it in a tree
        Optimality f = (z, args) -> {
            @SuppressWarnings("unchecked")
            List<Tensor> zs = (List<Tensor>) z;
            Tensor t = (Tensor) args.get(0);
            return List.of(zs.get(0).square().sub(t), zs.get(1).sub(t.mul(3)));
        };
        InnerSolver solver = (z0, args) -> {
            double t = ((Tensor) args.get(0)).item();
            return List.of(Tensor.scalar(Math.sqrt(t)), Tensor.scalar(3 * t));
        };
        RootSolver rs = Implicit.customRoot(f, solver, CustomRootOptions.argnums(1));
        Tensor t = Tensor.scalar(2.25).requiresGrad(true);
        @SuppressWarnings("unchecked")
        List<Tensor> z = (List<Tensor>) rs.solve(null, t);
        assertThat(z.get(0).shape()).isEmpty();
        assertThat(z.get(0).item()).isEqualTo(1.5);
        assertThat(Autograd.grad(z.get(0), t)[0].item()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(Autograd.grad(((List<Tensor>) rs.solve(null, t)).get(1).mul(2), t)[0].item())
                .isCloseTo(6.0, within(1e-9));
    }

    @Test
    void hasAuxPassesTheAuxiliaryOutputThroughWithTheSameGradients() {
        Map<String, Object> aux = Map.of("num_iters", 1);
        InnerSolver withAux = (w0, args) -> new WithAux(Ridge.closedForm().solve(w0, args), aux);
        RootSolver rs = Implicit.customRoot(Ridge.optimality(), withAux,
                CustomRootOptions.builder().argnums(1).hasAux(true).solve(TestSolvers.dense()).build());
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        WithAux out = rs.solveWithAux(null, loglam, ridge.x(), ridge.y());
        assertThat(out.aux()).isSameAs(aux);
        Tensor g = Autograd.grad(ridge.outerLoss((Tensor) out.solution()), loglam)[0];
        assertClose(g.toDoubleArray(), ridge.analyticGrad(), 1e-12);
    }

    @Test
    void hasAuxMismatchesAreReported() {
        RootSolver expectsAux = Implicit.customRoot(Ridge.optimality(), Ridge.closedForm(),
                CustomRootOptions.builder().argnums(1).hasAux(true).build());
        assertThatThrownBy(() -> expectsAux.solve(null, ridge.loglam(), ridge.x(), ridge.y()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must return WithAux");
        RootSolver noAux = Implicit.customRoot(Ridge.optimality(), (w0, args) -> new WithAux(Tensor.zeros(3), null),
                CustomRootOptions.argnums(1));
        assertThatThrownBy(() -> noAux.solve(null, ridge.loglam(), ridge.x(), ridge.y()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hasAux is false");
        assertThatThrownBy(() -> noAux.solveWithAux(null, ridge.loglam(), ridge.x(), ridge.y()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hasAux(true)");
    }

    @Test
    void argnumsOutOfRangeForTheCallIsReported() {
        RootSolver rs = ridgeSolver(CustomRootOptions.builder().argnums(1, 4));
        assertThatThrownBy(() -> rs.solve(null, ridge.loglam(), ridge.x(), ridge.y()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("argnums names argument 4")
                .hasMessageContaining("valid indices are 1..3");
    }

    @Test
    void differentiatedArgumentMustBeATree() {
        RootSolver rs = ridgeSolver(CustomRootOptions.builder().argnums(1));
        assertThatThrownBy(() -> rs.solve(null, "loglam", ridge.x(), ridge.y()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argument 1 is differentiated");
    }

    @Test
    void badSolverOutputsAreReported() {
        CustomRootOptions o = CustomRootOptions.argnums(1);
        Tensor t = Tensor.of(1.0).requiresGrad(true);
        assertThatThrownBy(() -> Implicit.customRoot(Ridge.optimality(), (z0, a) -> List.of(), o).solve(null, t))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no tensors");
        assertThatThrownBy(() -> Implicit.customRoot(Ridge.optimality(), (z0, a) -> "w", o).solve(null, t))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tree of tensors");
        assertThatThrownBy(() -> Implicit.customRoot(Ridge.optimality(),
                (z0, a) -> Tensor.ofLongs(new long[] {1}, 1), o).solve(null, t))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("floating point");
    }

    @Test
    void optimalityNotShapedLikeTheSolutionFailsTheBackward() {
        RootSolver rs = Implicit.customRoot((z, args) -> ((Tensor) z).sum(), (z0, args) -> Tensor.of(1.0, 2.0),
                CustomRootOptions.builder().argnums(1).solve(TestSolvers.dense()).build());
        Tensor t = Tensor.of(1.0).requiresGrad(true);
        Tensor z = (Tensor) rs.solve(null, t);
        assertThatThrownBy(() -> Autograd.grad(z.sum(), t))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be shaped like z");
    }

    @Test
    void everyLinearSolveIsReportedToTheListener() {
        List<Solution> seen = new ArrayList<>();
        RootSolver rs = ridgeSolver(CustomRootOptions.builder().argnums(1).solve(TestSolvers.cg(2)).onLinearSolve(seen::add));
        hypergradient(rs, ridge.loglam().detach().requiresGrad(true));
        hypergradient(rs, ridge.loglam().detach().requiresGrad(true));
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).iterations()).isEqualTo(2);
    }

    @Test
    void nonConvergenceFailsTheBackwardWhenConvergenceIsRequired() {
        Solution truncated = new Solution(Tensor.of(1.0, 2.0, 3.0), 7, 0.25, false);
        RootSolver rs = ridgeSolver(CustomRootOptions.builder().argnums(1).solve((a, b) -> truncated)
                .requireConvergence(true));
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        Tensor w = (Tensor) rs.solve(null, loglam, ridge.x(), ridge.y());
        assertThatThrownBy(() -> Autograd.grad(ridge.outerLoss(w), loglam))
                .isInstanceOf(LinearSolveNotConvergedException.class)
                .hasMessageContaining("7 iterations")
                .satisfies(e -> assertThat(((LinearSolveNotConvergedException) e).solution()).isSameAs(truncated));
        // accepted by default, as TorchOpt does
        RootSolver lenient = ridgeSolver(CustomRootOptions.builder().argnums(1).solve((a, b) -> truncated));
        Tensor w2 = (Tensor) lenient.solve(null, loglam, ridge.x(), ridge.y());
        // the truncated u is used as it is: ∂L/∂loglam = λ ⊙ w* ⊙ u
        double[] ws = Ridge.solve(ridge.loglam(), ridge.x(), ridge.y());
        double[] lam = ridge.loglam().exp().toDoubleArray();
        assertClose(Autograd.grad(ridge.outerLoss(w2), loglam)[0].toDoubleArray(),
                new double[] {lam[0] * ws[0], lam[1] * ws[1] * 2, lam[2] * ws[2] * 3}, 1e-13);
    }

    static void assertClose(double[] actual, double[] expected, double rel) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(rel * (1 + Math.abs(expected[i]))));
        }
    }
}
