package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.tree.TreeMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearSolveTest {
    /** Every solver that solves an SPD system exactly (to its tolerance). */
    static Stream<Arguments> exactSolvers() {
        return Stream.of(
                Arguments.of("solveCg", LinearSolve.solveCg(SolverOptions.defaults().withRtol(1e-12))),
                Arguments.of("solveNormalCg", LinearSolve.solveNormalCg(SolverOptions.defaults().withRtol(1e-13))),
                Arguments.of("solveInv", LinearSolve.solveInv()),
                Arguments.of("solveLu", LinearSolve.solveLu()),
                Arguments.of("solveCholesky", LinearSolve.solveCholesky()),
                Arguments.of("solveGmres", LinearSolve.solveGmres(GmresOptions.defaults().withRtol(1e-12))),
                Arguments.of("solveBicgstab", LinearSolve.solveBicgstab(SolverOptions.defaults().withRtol(1e-12))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactSolvers")
    void recoversAKnownSolution(String name, LinearSolver solver) {
        Tensor a = Systems.randomSpd(21, 6);
        Tensor xTrue = Systems.randomVector(22, 6);
        Solution s = solver.solve(LinearOperators.matrix(a), a.matmul(xTrue));
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(xTrue.toDoubleArray(), within(1e-8));
        assertThat(s.converged()).isTrue();
        assertThat(s.residualNorm()).isLessThan(1e-8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactSolvers")
    void solvesOnATreeWithTwoCoupledLeaves(String name, LinearSolver solver) {
        Tensor m = Systems.randomSpd(23, 5);
        Map<String, Tensor> b = Systems.split(m.matmul(Tensor.of(1, -1, 0.5, 2, -3)));
        @SuppressWarnings("unchecked")
        Map<String, Tensor> x = (Map<String, Tensor>) solver.solve(Systems.blockOperator(m), b).x();
        assertThat(x.get("u").toDoubleArray()).containsExactly(new double[] {1, -1}, within(1e-8));
        assertThat(x.get("v").toDoubleArray()).containsExactly(new double[] {0.5, 2, -3}, within(1e-8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactSolvers")
    void scalarRightHandSideGivesShapeEmptyAndExactNonZeroGradients(String name, LinearSolver solver) {
        // TorchOpt issue 222: gradients through a 0-dim solve come back as zeros; here x = b / a exactly
        Tensor a = Tensor.scalar(2.5).requiresGrad(true);
        Tensor b = Tensor.scalar(3.0).requiresGrad(true);
        Tensor x = (Tensor) solver.solve(LinearOperators.matrix(a), b).x();
        assertThat(x.shape()).isEmpty();
        assertThat(x.item()).isCloseTo(1.2, within(1e-14));
        Tensor[] g = Autograd.gradOf(x).inputs(a, b).createGraph(true).compute();
        assertThat(g[0].item()).isCloseTo(-3.0 / (2.5 * 2.5), within(1e-14));
        assertThat(g[1].item()).isCloseTo(1 / 2.5, within(1e-14));
        // second order: d²x/da² = 2b/a³
        Tensor gaa = Autograd.grad(g[0], a)[0];
        assertThat(gaa.item()).isCloseTo(2 * 3.0 / (2.5 * 2.5 * 2.5), within(1e-13));
    }

    @Test
    void solveInvDividesAScalarRightHandSideExactlyEvenWithNs() {
        // FORMAT-torchopt.md §8.2 / TorchOpt: the 0-dim test comes before ns, so x = b / (a + ridge), not a series
        Tensor a = Tensor.scalar(1.5).requiresGrad(true);
        Tensor b = Tensor.scalar(3.0).requiresGrad(true);
        LinearSolver solver = LinearSolve.solveInv(InvOptions.defaults().withNs(true).withRidge(0.5).withMaxIter(2)
                .withAlpha(0.3));
        Solution s = solver.solve(LinearOperators.matrix(a), b);
        Tensor x = (Tensor) s.x();
        assertThat(x.shape()).isEmpty();
        assertThat(x.item()).isEqualTo(1.5);
        Tensor[] g = Autograd.grad(x, a, b);
        assertThat(g[0].item()).isCloseTo(-3.0 / 4.0, within(1e-15));
        assertThat(g[1].item()).isCloseTo(0.5, within(1e-15));
        // a vector b still takes the series: A = 1.5, ridge 0.5, α = 0.3: x = 0.3 (1 + 0.4 + 0.16) b
        Tensor xs = (Tensor) solver.solve(LinearOperators.matrix(Tensor.of(new double[][] {{1.5}})), Tensor.of(3.0)).x();
        assertThat(xs.item()).isCloseTo(0.3 * 1.56 * 3.0, within(1e-15));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactSolvers")
    void firstAndSecondOrderGradientsInMatrixAndRightHandSide(String name, LinearSolver solver) {
        Tensor s = Tensor.randn(new Generator(24), 3, 3).requiresGrad(true);
        Tensor b = Systems.randomVector(25, 3).requiresGrad(true);
        GradCheck.Options tight = GradCheck.Options.defaults();
        assertThat(GradCheck.gradcheck(in -> (Tensor) solver.solve(LinearOperators.matrix(Systems.spd(in[0], 1.0)), in[1]).x(),
                tight, s, b)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> (Tensor) solver.solve(LinearOperators.matrix(Systems.spd(in[0], 1.0)), in[1]).x(),
                tight, s, b)).isTrue();
    }

    @Test
    void denseSolversAreDifferentiableInEveryEntryOfANonSymmetricMatrix() {
        Tensor a = Systems.randomGeneral(37, 3).requiresGrad(true);
        Tensor b = Systems.randomVector(38, 3).requiresGrad(true);
        for (LinearSolver solver : new LinearSolver[] {LinearSolve.solveInv(), LinearSolve.solveLu(0.3)}) {
            assertThat(GradCheck.gradcheck(in -> (Tensor) solver.solve(LinearOperators.matrix(in[0]), in[1]).x(), a, b)).isTrue();
            assertThat(GradCheck.gradgradcheck(in -> (Tensor) solver.solve(LinearOperators.matrix(in[0]), in[1]).x(), a, b)).isTrue();
        }
    }

    @Test
    void ridgeIsAddedToTheOperator() {
        Tensor a = Systems.randomSpd(26, 4);
        Tensor xTrue = Systems.randomVector(27, 4);
        Tensor b = a.matmul(xTrue).add(xTrue.mul(0.7));
        for (LinearSolver solver : new LinearSolver[] {
            LinearSolve.solveCg(SolverOptions.defaults().withRidge(0.7).withRtol(1e-12)),
            LinearSolve.solveInv(InvOptions.defaults().withRidge(0.7)),
            LinearSolve.solveLu(0.7), LinearSolve.solveCholesky(0.7),
            LinearSolve.solveGmres(GmresOptions.defaults().withRidge(0.7).withRtol(1e-12)),
            LinearSolve.solveBicgstab(SolverOptions.defaults().withRidge(0.7).withRtol(1e-12))}) {
            Tensor x = (Tensor) solver.solve(LinearOperators.matrix(a), b).x();
            assertThat(x.toDoubleArray()).containsExactly(xTrue.toDoubleArray(), within(1e-8));
        }
    }

    @Test
    void cgSolversApplyThePreconditionerOfTheirOptions() {
        // TorchOpt's solve_cg(M=...) / solve_normal_cg(M=...) pass M to linalg.cg. One step of CG from 0 is
        // x = α M b' with b' the system's right-hand side; with M the exact inverse that is the solution, while
        // plain CG gives α b' = 0.4 (1, 1) for A = diag(1, 4), b = (1, 1)
        Tensor b = Tensor.of(1.0, 1.0);
        SolverOptions oneStep = SolverOptions.defaults().withMaxIter(1);
        Tensor plain = (Tensor) LinearSolve.solveCg(oneStep).solve(v -> ((Tensor) v).mul(Tensor.of(1.0, 4.0)), b).x();
        assertThat(plain.toDoubleArray()).containsExactly(new double[] {0.4, 0.4}, within(1e-15));
        LinearOperator inverse = v -> ((Tensor) v).mul(Tensor.of(1.0, 0.25));
        Solution cg = LinearSolve.solveCg(oneStep.withPreconditioner(inverse)).solve(v -> ((Tensor) v).mul(Tensor.of(1.0, 4.0)), b);
        assertThat(((Tensor) cg.x()).toDoubleArray()).containsExactly(new double[] {1.0, 0.25}, within(1e-15));
        // normal CG on A = diag(1, 2): AᵀA = diag(1, 4), Aᵀb = (1, 2); M acts on the normal system
        Solution normal = LinearSolve.solveNormalCg(oneStep.withPreconditioner(inverse))
                .solve(v -> ((Tensor) v).mul(Tensor.of(1.0, 2.0)), b);
        assertThat(((Tensor) normal.x()).toDoubleArray()).containsExactly(new double[] {1.0, 0.5}, within(1e-15));
    }

    @Test
    void normalCgAddsTheRidgeToTheNormalEquations() {
        // (DᵀD + 0.7 I) x = Dᵀ b for diagonal D: b = (d² + 0.7) x / d
        Tensor d = Tensor.of(1.0, 2.0, 4.0);
        Tensor xTrue = Tensor.of(1.0, -1.0, 0.5);
        Tensor b = d.square().add(0.7).mul(xTrue).div(d);
        Tensor x = (Tensor) LinearSolve.solveNormalCg(SolverOptions.defaults().withRidge(0.7).withRtol(1e-13))
                .solve(v -> ((Tensor) v).mul(d), b).x();
        assertThat(x.toDoubleArray()).containsExactly(xTrue.toDoubleArray(), within(1e-12));
    }

    @Test
    void normalCgSolvesANonSymmetricSystem() {
        Tensor a = Systems.randomGeneral(28, 5);
        Tensor xTrue = Systems.randomVector(29, 5);
        Solution s = LinearSolve.solveNormalCg(SolverOptions.defaults().withRtol(1e-13))
                .solve(LinearOperators.matrix(a), a.matmul(xTrue));
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(xTrue.toDoubleArray(), within(1e-8));
    }

    @Test
    void normalCgGradientsFlowThroughTheTransposeToTheMatrix() {
        Tensor a = Systems.randomGeneral(30, 3).requiresGrad(true);
        Tensor b = Systems.randomVector(31, 3).requiresGrad(true);
        LinearSolver solver = LinearSolve.solveNormalCg(SolverOptions.defaults().withRtol(1e-12));
        assertThat(GradCheck.gradcheck(in -> (Tensor) solver.solve(LinearOperators.matrix(in[0]), in[1]).x(), a, b)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> (Tensor) solver.solve(LinearOperators.matrix(in[0]), in[1]).x(), a, b)).isTrue();
    }

    @Test
    void solveUnderNoGradBuildsNoGraph() {
        Tensor a = Systems.randomSpd(32, 3).requiresGrad(true);
        Tensor b = Systems.randomVector(33, 3).requiresGrad(true);
        try (GradMode.Scope scope = GradMode.noGrad()) {
            for (LinearSolver solver : new LinearSolver[] {LinearSolve.solveCg(), LinearSolve.solveNormalCg(),
                LinearSolve.solveInv(), LinearSolve.solveGmres(), LinearSolve.solveBicgstab()}) {
                assertThat(((Tensor) solver.solve(LinearOperators.matrix(a), b).x()).requiresGrad()).isFalse();
            }
        }
    }

    @Test
    void solveInvWithNeumannSeriesUsesTheTruncatedSeries() {
        // A = 0.5 I, α = 1: x = Σ_{k=0}^{3} 0.5^k b = 1.875 b (maxIter + 1 = 4 terms)
        Tensor b = Tensor.of(1, 2);
        Solution s = LinearSolve.solveInv(InvOptions.defaults().withNs(true).withMaxIter(3))
                .solve(v -> ((Tensor) v).mul(0.5), b);
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(1.875, 3.75);
        assertThat(s.iterations()).isEqualTo(3);
        // the true residual b − A x = b (1 − 0.9375) is reported, and far from converged
        assertThat(s.residualNorm()).isCloseTo(0.0625 * Math.sqrt(5), within(1e-15));
        assertThat(s.converged()).isFalse();
    }

    @Test
    void neumannSeriesAndInverseHaveTorchOptsTermCounts() {
        Tensor a = Tensor.of(new double[][] {{0.5, 0}, {0, 0.25}});
        // ns: maxIter + 1 terms; with α = 2, I − αA = diag(0, 0.5): x = 2 (1 + 0.5 + 0.25) b for the second entry
        Tensor x = (Tensor) LinearSolve.neumannSeries(LinearOperators.matrix(a), Tensor.of(1, 1),
                NeumannOptions.defaults().withMaxIter(2).withAlpha(2.0));
        assertThat(x.toDoubleArray()).containsExactly(2.0, 3.5);
        // ns_inv: maxIter terms; without α, I − A = diag(0.5, 0.75): Σ_{k<3} = (1.75, 1 + 0.75 + 0.5625)
        Tensor inv = LinearSolve.neumannInverse(a, NeumannOptions.defaults().withMaxIter(3));
        assertThat(inv.toDoubleArray()).containsExactly(1.75, 0, 0, 2.3125);
    }

    @Test
    void neumannInverseIsDifferentiableInTheMatrix() {
        Tensor a = Tensor.of(new double[][] {{0.5, 0.1}, {0.05, 0.4}}).requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> LinearSolve.neumannInverse(in[0], NeumannOptions.defaults().withAlpha(0.9)), a)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> LinearSolve.neumannInverse(in[0], NeumannOptions.defaults()), a)).isTrue();
    }

    @Test
    void divergingNeumannSeriesFailsLoudly() {
        assertThatThrownBy(() -> LinearSolve.neumannSeries(v -> ((Tensor) v).mul(1e6), Tensor.of(1.0),
                NeumannOptions.defaults().withMaxIter(60)))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("diverged");
    }

    @Test
    void iterativeSolversReportNonConvergence() {
        Tensor a = Systems.randomSpd(34, 10);
        Tensor b = Systems.randomVector(35, 10);
        for (LinearSolver solver : new LinearSolver[] {
            LinearSolve.solveCg(SolverOptions.defaults().withMaxIter(2)),
            LinearSolve.solveNormalCg(SolverOptions.defaults().withMaxIter(2)),
            LinearSolve.solveGmres(GmresOptions.defaults().withMaxIter(2)),
            LinearSolve.solveBicgstab(SolverOptions.defaults().withMaxIter(2))}) {
            Solution s = solver.solve(LinearOperators.matrix(a), b);
            assertThat(s.converged()).isFalse();
            assertThat(s.iterations()).isEqualTo(2);
            assertThat(s.residualNorm()).isGreaterThan(1e-5 * b.norm(2).item());
        }
    }

    @Test
    void denseSolversRejectBadMatrices() {
        Tensor singular = Tensor.of(new double[][] {{1, 2}, {2, 4}});
        assertThatThrownBy(() -> LinearSolve.solveLu().solve(LinearOperators.matrix(singular), Tensor.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("solveLu: A is singular");
        assertThatThrownBy(() -> LinearSolve.solveInv().solve(LinearOperators.matrix(singular), Tensor.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("solveInv: A is singular");
        Tensor indefinite = Tensor.of(new double[][] {{1, 2}, {2, 1}});
        assertThatThrownBy(() -> LinearSolve.solveCholesky().solve(LinearOperators.matrix(indefinite), Tensor.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive definite");
        Tensor nonSymmetric = Tensor.of(new double[][] {{2, 1}, {0, 2}});
        assertThatThrownBy(() -> LinearSolve.solveCholesky().solve(LinearOperators.matrix(nonSymmetric), Tensor.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not symmetric");
    }

    @Test
    void everySolverRejectsAShapeMismatch() {
        LinearOperator wrong = v -> Tensor.of(1, 2);
        for (LinearSolver solver : new LinearSolver[] {LinearSolve.solveCg(), LinearSolve.solveNormalCg(),
            LinearSolve.solveInv(), LinearSolve.solveInv(InvOptions.defaults().withNs(true)), LinearSolve.solveLu(),
            LinearSolve.solveCholesky(), LinearSolve.solveGmres(), LinearSolve.solveBicgstab()}) {
            assertThatThrownBy(() -> solver.solve(wrong, Tensor.of(1, 2, 3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has shape [2] but b has shape [3]");
        }
    }

    @Test
    void everySolverRejectsNaN() {
        for (LinearSolver solver : new LinearSolver[] {LinearSolve.solveCg(), LinearSolve.solveNormalCg(),
            LinearSolve.solveInv(), LinearSolve.solveLu(), LinearSolve.solveCholesky(), LinearSolve.solveGmres(),
            LinearSolve.solveBicgstab()}) {
            assertThatThrownBy(() -> solver.solve(v -> v, Tensor.of(1, Double.NaN)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b contains NaN");
        }
        assertThatThrownBy(() -> LinearSolve.solveLu().solve(v -> ((Tensor) v).mul(Double.NaN), Tensor.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A contains NaN");
    }

    @Test
    void optionRecordsRejectBadSettings() {
        assertThatThrownBy(() -> SolverOptions.defaults().withMaxIter(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxIter must be >= 0, got -3");
        assertThatThrownBy(() -> SolverOptions.defaults().withRidge(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ridge must be finite");
        assertThatThrownBy(() -> GmresOptions.defaults().withRestart(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restart must be positive");
        assertThatThrownBy(() -> InvOptions.defaults().withMaxIter(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxIter must be >= 0");
        assertThatThrownBy(() -> NeumannOptions.defaults().withAlpha(0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha must be finite and non-zero");
        assertThatThrownBy(() -> LinearSolve.solveCg(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treeSolveGradientsMatchFiniteDifferencesThroughTheDenseSolve() {
        Tensor s = Tensor.randn(new Generator(36), 5, 5).requiresGrad(true);
        Tensor u = Tensor.of(0.3, -0.2).requiresGrad(true);
        Tensor v = Tensor.of(1.0, 0.5, -0.7).requiresGrad(true);
        for (LinearSolver solver : new LinearSolver[] {LinearSolve.solveInv(), LinearSolve.solveCholesky()}) {
            assertThat(GradCheck.gradgradcheck(in -> {
                Object x = solver.solve(Systems.blockOperator(Systems.spd(in[0], 1.0)), Systems.tree(in[1], in[2])).x();
                return TreeMath.vdot(x, x);
            }, s, u, v)).isTrue();
        }
    }
}
