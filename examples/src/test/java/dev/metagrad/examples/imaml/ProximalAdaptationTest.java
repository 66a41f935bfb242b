package dev.metagrad.examples.imaml;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.maml.Adaptation;
import dev.metagrad.examples.maml.InnerLoop;
import dev.metagrad.examples.maml.SineModel;
import dev.metagrad.examples.maml.SineTask;
import dev.metagrad.examples.maml.SineTaskSampler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProximalAdaptationTest {
    private static final SineTask TASK = new SineTaskSampler(new Generator(5), 10, 10, DType.FLOAT64).batch(1).get(0);

    private static List<Tensor> theta() {
        return SineModel.init(new Generator(1), DType.FLOAT64, 1, 3, 3, 1); // 22 parameters
    }

    @Test
    void theInnerSolverTakesKGradientStepsOnTheProximalObjective() {
        ImamlConfig c = new ImamlConfig(4, 0.05, 2.0, 5);
        List<Tensor> theta = theta();
        Adaptation a = new ProximalAdaptation(c).adapt(theta, TASK);
        // the same steps written out: phi <- phi - alpha (grad Ls(phi) + lambda (phi - theta))
        List<Tensor> phi = new ArrayList<>();
        for (Tensor t : theta) {
            phi.add(t.detach());
        }
        for (int k = 0; k < 4; k++) {
            List<Tensor> leaves = new ArrayList<>();
            for (Tensor p : phi) {
                leaves.add(p.detach().requiresGrad(true));
            }
            Tensor ls = InnerLoop.loss(leaves, TASK.supportX(), TASK.supportY());
            assertThat(a.innerLosses()[k]).isEqualTo(ls.item());
            Tensor[] g = Autograd.grad(ls, leaves.toArray(new Tensor[0]));
            for (int i = 0; i < phi.size(); i++) {
                phi.set(i, phi.get(i).sub(g[i].add(phi.get(i).sub(theta.get(i)).mul(2.0)).mul(0.05)));
            }
        }
        for (int i = 0; i < phi.size(); i++) {
            assertThat(a.adapted().get(i).toDoubleArray()).containsExactly(phi.get(i).toDoubleArray(), within(1e-15));
        }
    }

    @Test
    void aTooLargeStepIsHalvedSoTheProximalObjectiveNeverRises() {
        ImamlConfig c = new ImamlConfig(6, 50.0, 1.0, 5);
        List<Tensor> theta = theta();
        Adaptation a = new ProximalAdaptation(c).adapt(theta, TASK);
        double[] ls = a.innerLosses();
        // at phi = theta the proximal term is 0, so G starts at Ls; G never rises, and it is Ls + (lambda/2)|phi - theta|^2
        double prox = 0;
        for (int i = 0; i < theta.size(); i++) {
            prox += a.adapted().get(i).sub(theta.get(i)).square().sum().item();
        }
        double gEnd = InnerLoop.loss(a.adapted(), TASK.supportX(), TASK.supportY()).item() + 0.5 * prox;
        assertThat(gEnd).isLessThan(ls[0]).isFinite();
        for (int k = 1; k < ls.length; k++) {
            assertThat(ls[k]).isFinite();
        }
    }

    @Test
    void theMetaGradientIsTheImplicitOneThroughTheDenseHessian() {
        double lambda = 2.0;
        ImamlConfig c = new ImamlConfig(20, 0.05, lambda, 100);
        List<Tensor> leaves = new ArrayList<>();
        for (Tensor t : theta()) {
            leaves.add(t.detach().requiresGrad(true));
        }
        Adaptation a = new ProximalAdaptation(c).adapt(leaves, TASK);
        Tensor lq = InnerLoop.loss(a.adapted(), TASK.queryX(), TASK.queryY());
        double[] got = flat(Autograd.grad(lq, leaves.toArray(new Tensor[0])));

        // expected: (I + H/lambda)^-1 grad Lq(phi), H the support loss's Hessian at the returned phi
        List<Tensor> phi = new ArrayList<>();
        for (Tensor p : a.adapted()) {
            phi.add(p.detach().requiresGrad(true));
        }
        Tensor[] gq = Autograd.grad(InnerLoop.loss(phi, TASK.queryX(), TASK.queryY()), phi.toArray(new Tensor[0]));
        double[] rhs = flat(gq);
        int n = rhs.length;
        assertThat(n).isEqualTo(22);
        Tensor[] gs = Autograd.gradOf(InnerLoop.loss(phi, TASK.supportX(), TASK.supportY())).inputs(phi)
                .createGraph(true).compute();
        double[][] m = new double[n][n];
        for (int col = 0; col < n; col++) {
            // column of H: the gradient of <grad Ls, e_col>
            Tensor dot = null;
            int offset = 0;
            for (Tensor g : gs) {
                double[] e = new double[g.numel()];
                if (col >= offset && col < offset + e.length) {
                    e[col - offset] = 1;
                }
                Tensor term = g.mul(Tensor.of(e, g.shape())).sum();
                dot = dot == null ? term : dot.add(term);
                offset += e.length;
            }
            double[] hcol = flat(Autograd.gradOf(dot).inputs(phi).retainGraph(true).allowUnused(true)
                    .materializeGrads(true).compute());
            for (int row = 0; row < n; row++) {
                m[row][col] = (row == col ? 1 : 0) + hcol[row] / lambda;
            }
        }
        double[] expected = solve(m, rhs);
        for (int i = 0; i < n; i++) {
            assertThat(got[i]).as("meta-gradient[%d]", i).isCloseTo(expected[i], within(1e-8 * (1 + Math.abs(expected[i]))));
        }
        // and it is not the first-order approximation grad Lq(phi)
        double diff = 0;
        for (int i = 0; i < n; i++) {
            diff = Math.max(diff, Math.abs(expected[i] - rhs[i]));
        }
        assertThat(diff).isGreaterThan(1e-3);
    }

    @Test
    void theBackwardSolvesAreCounted() {
        ProximalAdaptation p = new ProximalAdaptation(new ImamlConfig(2, 0.05, 1.0, 3));
        List<Tensor> leaves = new ArrayList<>();
        for (Tensor t : theta()) {
            leaves.add(t.detach().requiresGrad(true));
        }
        for (int r = 0; r < 2; r++) {
            Adaptation a = p.adapt(leaves, TASK);
            Autograd.grad(InnerLoop.loss(a.adapted(), TASK.queryX(), TASK.queryY()), leaves.toArray(new Tensor[0]));
        }
        double[] stats = p.takeSolveStatistics();
        assertThat(stats[0]).isEqualTo(2);
        assertThat(stats[1]).isEqualTo(3); // truncated: all three iterations run
        assertThat(stats[2]).isPositive();
        assertThat(p.takeSolveStatistics()[0]).isZero();
    }

    @Test
    void withoutGradientsNothingIsRecorded() {
        Adaptation a;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            a = new ProximalAdaptation(new ImamlConfig(2, 0.05, 1.0, 3)).adapt(theta(), TASK);
        }
        assertThat(a.adapted()).noneMatch(Tensor::requiresGrad);
    }

    @Test
    void configurationsAreChecked() {
        assertThatThrownBy(() -> new ImamlConfig(0, 0.1, 1, 5)).hasMessageContaining("innerSteps must be at least 1");
        assertThatThrownBy(() -> new ImamlConfig(1, 0.1, 1, 0)).hasMessageContaining("solverSteps must be at least 1");
        assertThatThrownBy(() -> new ImamlConfig(1, 0, 1, 5)).hasMessageContaining("innerLr must be positive");
        assertThatThrownBy(() -> new ImamlConfig(1, 0.1, Double.NaN, 5)).hasMessageContaining("lambda must be positive");
        assertThatThrownBy(() -> new ImamlConfig(1, 0.1, 1, 5, null)).hasMessageContaining("solver must not be null");
        assertThat(new ImamlConfig(1, 0.1, 1, 5).solver()).isEqualTo(BackwardSolver.CG);
    }

    private static double[] flat(Tensor[] ts) {
        int n = 0;
        for (Tensor t : ts) {
            n += t.numel();
        }
        double[] v = new double[n];
        int o = 0;
        for (Tensor t : ts) {
            double[] d = t.toDoubleArray();
            System.arraycopy(d, 0, v, o, d.length);
            o += d.length;
        }
        return v;
    }

    /** Gaussian elimination with partial pivoting, written out here so the check does not use the library's solvers. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(m[i][k]) > Math.abs(m[p][k])) {
                    p = i;
                }
            }
            double[] tr = m[k];
            m[k] = m[p];
            m[p] = tr;
            double tb = x[k];
            x[k] = x[p];
            x[p] = tb;
            for (int i = k + 1; i < n; i++) {
                double f = m[i][k] / m[k][k];
                for (int j = k; j < n; j++) {
                    m[i][j] -= f * m[k][j];
                }
                x[i] -= f * x[k];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
