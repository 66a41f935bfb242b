package dev.metagrad.implicit;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.linearsolve.LinearSolve;
import dev.metagrad.linearsolve.LinearSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.metagrad.implicit.RootSolverTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** customFixedPoint on x* = tanh(W x* + θ) (FORMAT-torchopt.md §9.2), and the factories' argument checks. */
class ImplicitTest {
    private static final FixedPointMap T = (x, args) ->
            ((Tensor) args.get(1)).matmul((Tensor) x).add((Tensor) args.get(0)).tanh();
    private static final InnerSolver ITERATE = (x0, args) -> {
        Object x = Tensor.zeros(4);
        for (int k = 0; k < 200; k++) {
            x = T.apply(x, args);
        }
        return x;
    };

    private final Generator rng = new Generator(5);
    // a contraction: ‖W‖ small enough that 200 iterations converge to round-off
    private final Tensor w = Tensor.randn(rng, 4, 4).mul(0.2);
    private final Tensor theta = Tensor.randn(rng, 4);
    private final Tensor target = Tensor.randn(rng, 4);

    private Tensor loss(Tensor x) {
        return x.sub(target).square().sum().mul(0.5);
    }

    static Stream<Arguments> solvers() {
        return Stream.of(
                Arguments.of("dense (test)", TestSolvers.dense()),
                Arguments.of("solveNormalCg rtol 1e-12", LinearSolve.solveNormalCg(
                        dev.metagrad.linearsolve.SolverOptions.defaults().withRtol(1e-12))),
                Arguments.of("solveInv", LinearSolve.solveInv()),
                Arguments.of("solveGmres", LinearSolve.solveGmres()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void fixedPointGradientsMatchTheAnalyticFormula(String name, LinearSolver solver) {
        RootSolver rs = Implicit.customFixedPoint(T, ITERATE, CustomRootOptions.builder().argnums(1, 2).solve(solver).build());
        Tensor th = theta.detach().requiresGrad(true);
        Tensor wm = w.detach().requiresGrad(true);
        Tensor x = (Tensor) rs.solve(null, th, wm);
        Tensor[] g = Autograd.grad(loss(x), th, wm);

        // u = −(I − diag(s) W)⁻ᵀ ḡ, grads: θ ← −s ⊙ u, W ← −(s ⊙ u) x*ᵀ, with s = 1 − tanh²(W x* + θ)
        Tensor xs = x.detach();
        double[] s = w.matmul(xs).add(theta).tanh().square().rsub(1.0).toDoubleArray();
        double[][] jac = new double[4][4];
        double[][] wd = w.toDoubleArray2d();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                jac[i][j] = (i == j ? 1 : 0) - s[i] * wd[i][j];
            }
        }
        double[] gbar = xs.sub(target).toDoubleArray();
        double[] u = Dense.solve(Dense.transpose(jac), gbar);
        double[] su = new double[4];
        for (int i = 0; i < 4; i++) {
            su[i] = s[i] * u[i];
        }
        assertClose(g[0].toDoubleArray(), su, 1e-9);
        assertClose(g[1].toDoubleArray(), Tensor.of(su).outer(xs).toDoubleArray(), 1e-9);
    }

    @Test
    void fixedPointHypergradientPassesGradcheckAndGradgradcheck() {
        // the Neumann series Σ_{k<60} (Wᵀ diag s)^k in tensor ops: differentiable, converged for this contraction
        RootSolver rs = Implicit.customFixedPoint(T, ITERATE,
                CustomRootOptions.builder().argnums(1).solve(TestSolvers.neumann(60)).build());
        Tensor th = theta.detach().requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> loss((Tensor) rs.solve(null, in[0], w)), th)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> loss((Tensor) rs.solve(null, in[0], w)), th)).isTrue();
    }

    @Test
    void fixedPointOfATree() {
        // z = [a, b] with a = 0.5 b + θ, b = 0.25 a: a* = θ / (1 − 1/8), b* = a* / 4
        FixedPointMap map = (z, args) -> {
            @SuppressWarnings("unchecked")
            List<Tensor> zs = (List<Tensor>) z;
            return List.of(zs.get(1).mul(0.5).add((Tensor) args.get(0)), zs.get(0).mul(0.25));
        };
        InnerSolver iterate = (z0, args) -> {
            Object z = z0;
            for (int k = 0; k < 100; k++) {
                z = map.apply(z, args);
            }
            return z;
        };
        RootSolver rs = Implicit.customFixedPoint(map, iterate,
                CustomRootOptions.builder().argnums(1).solve(TestSolvers.dense()).build());
        Tensor th = Tensor.of(1.0, 2.0).requiresGrad(true);
        @SuppressWarnings("unchecked")
        List<Tensor> z = (List<Tensor>) rs.solve(List.of(Tensor.zeros(2), Tensor.zeros(2)), th);
        assertClose(z.get(0).toDoubleArray(), new double[] {8.0 / 7, 16.0 / 7}, 1e-14);
        Tensor g = Autograd.grad(z.get(0).sum().add(z.get(1).sum()), th)[0];
        // d(a + b)/dθ = (1 + 1/4) · 8/7
        assertClose(g.toDoubleArray(), new double[] {10.0 / 7, 10.0 / 7}, 1e-13);
    }

    @Test
    void nullArgumentsAreRefused() {
        CustomRootOptions o = CustomRootOptions.argnums(1);
        assertThatThrownBy(() -> Implicit.customRoot(null, ITERATE, o)).hasMessageContaining("optimality must not be null");
        assertThatThrownBy(() -> Implicit.customRoot((z, a) -> z, null, o)).hasMessageContaining("solver must not be null");
        assertThatThrownBy(() -> Implicit.customRoot((z, a) -> z, ITERATE, null)).hasMessageContaining("options must not be null");
        assertThatThrownBy(() -> Implicit.customFixedPoint(null, ITERATE, o)).hasMessageContaining("fixedPointMap must not be null");
    }
}
