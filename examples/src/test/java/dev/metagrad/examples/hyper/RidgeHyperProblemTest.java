package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.examples.data.DataSplit;
import dev.metagrad.examples.data.Datasets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RidgeHyperProblemTest {
    private static final RidgeHyperProblem DIABETES = RidgeHyperProblem.fromSplit("ridge on diabetes",
            DataSplit.random(Datasets.diabetes(), new Generator(0), 0.2, 0.2));

    private static Tensor logPenalties() {
        // a spread of penalties from 0.05 to 150 (the training Gram matrix's diagonal is about 265)
        return Tensor.linspace(-3.0, 5.0, 10);
    }

    @Test
    void theInnerSolutionSatisfiesTheNormalEquations() {
        Tensor l = logPenalties();
        Tensor w = DIABETES.solve(l);
        Tensor residual = DIABETES.optimality(w, l);
        assertThat(residual.norm(2).item()).isLessThan(1e-7);
        assertThat(w.norm(2).item()).isGreaterThan(1); // not the trivial solution
    }

    @Test
    void theHypergradientMatchesCentralDifferencesOfTheValidationLoss() {
        Tensor l = logPenalties();
        Tensor g = HyperTrainer.hypergradient(DIABETES, l).gradient();
        double[] gs = g.toDoubleArray();
        double eps = 1e-5;
        for (int j = 0; j < gs.length; j++) {
            double[] plus = l.toDoubleArray();
            double[] minus = l.toDoubleArray();
            plus[j] += eps;
            minus[j] -= eps;
            double fd;
            try (GradMode.Scope scope = GradMode.noGrad()) {
                fd = (DIABETES.validationLoss(Tensor.of(plus, 10)).item()
                        - DIABETES.validationLoss(Tensor.of(minus, 10)).item()) / (2 * eps);
            }
            assertThat(gs[j]).as("dL/dl_%d", j).isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
        }
        // the validation loss is sensitive to the penalties, so the comparison is not of zeros
        assertThat(g.abs().max().item()).isGreaterThan(1);
    }

    @Test
    void gradcheckAgreesToo() {
        assertThat(GradCheck.gradcheck(in -> DIABETES.validationLoss(in[0]),
                GradCheck.Options.defaults().withEps(1e-5), logPenalties().requiresGrad(true))).isTrue();
    }

    @Test
    void onTheBenchmarkProblemItGivesPyTorchsHypergradient() {
        // benchmarks/python/implicit_ridge_torch.py --n 200 --d 20 --seed 42 (torch 1.13, dense check 1.9e-13)
        SyntheticRidge s = SyntheticRidge.generate(200, 20, 42);
        HyperTrainer.Hypergradient h = HyperTrainer.hypergradient(s.problem(), s.logPenalties());
        assertThat(h.validationLoss()).isCloseTo(0.0908018714648, within(1e-12));
        double[] g = h.gradient().toDoubleArray();
        double[] torch = {8.032256556171e-05, 5.454911287422e-05, -3.167159693444e-05, -1.762161158984e-04};
        for (int j = 0; j < torch.length; j++) {
            assertThat(g[j]).as("hypergradient[%d]", j).isCloseTo(torch[j], within(1e-9 * 1.8e-3));
        }
        assertThat(h.gradient().norm(2).item()).isCloseTo(1.763680400831e-03, within(1e-12));
    }

    @Test
    void evaluateScoresValidationAndTestRowsWithoutRecording() {
        Evaluation e = DIABETES.evaluate(logPenalties().requiresGrad(true));
        double val;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            val = DIABETES.validationLoss(logPenalties()).item();
        }
        assertThat(e.validation().loss()).isEqualTo(val);
        assertThat(e.test().loss()).isPositive();
        assertThat(e.validation().accuracy()).isEmpty();
        // diabetes progression has a standard deviation near 77: a linear fit explains about half the variance
        assertThat(e.test().loss()).isBetween(1500.0, 5000.0);
    }

    @Test
    void wrongShapesAreRejected() {
        assertThatThrownBy(() -> DIABETES.solve(Tensor.zeros(9))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ridge: log-penalties must be [10] (one per feature), got [9]");
        assertThatThrownBy(() -> new RidgeHyperProblem("r", List.of("a"), Tensor.zeros(3, 1), Tensor.zeros(3),
                Tensor.zeros(2, 2), Tensor.zeros(2), Tensor.zeros(1, 1), Tensor.zeros(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation rows must be x [rows, 1] and y [rows]");
        assertThat(DIABETES.splitSizes()).containsExactly(266, 88, 88);
        assertThat(DIABETES.featureNames()).hasSize(10);
        assertThat(DIABETES.lossName()).isEqualTo("MSE");
    }
}
