package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.data.DataSplit;
import dev.metagrad.examples.data.Datasets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LogisticHyperProblemTest {
    private static final LogisticHyperProblem CANCER = LogisticHyperProblem.fromSplit("logistic on breast_cancer",
            DataSplit.random(Datasets.breastCancer(), new Generator(0), 0.2, 0.2));

    private static Tensor logPenalties() {
        return Tensor.linspace(-1.0, 3.0, 30);
    }

    @Test
    void theClosedFormOptimalityIsTheAutogradGradientOfTheObjective() {
        Tensor w = Tensor.randn(new Generator(3), 30).mul(0.3).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {0.2}, 1).requiresGrad(true);
        Tensor l = logPenalties();
        Tensor[] auto = Autograd.grad(CANCER.objective(List.of(w, b), l), w, b);
        List<Tensor> f = CANCER.optimality(List.of(w, b), l);
        assertThat(f.get(0).toDoubleArray()).containsExactly(auto[0].toDoubleArray(), within(1e-10));
        assertThat(f.get(1).toDoubleArray()).containsExactly(auto[1].toDoubleArray(), within(1e-10));
    }

    @Test
    void newtonReachesTheOptimum() {
        Tensor l = logPenalties();
        List<Tensor> wb = CANCER.solve(l);
        List<Tensor> f = CANCER.optimality(wb, l);
        assertThat(f.get(0).norm(2).item()).isLessThan(1e-6);
        assertThat(Math.abs(f.get(1).item())).isLessThan(1e-6);
    }

    @Test
    void theHypergradientMatchesCentralDifferencesOfTheValidationLoss() {
        Tensor l = logPenalties();
        double[] g = HyperTrainer.hypergradient(CANCER, l).gradient().toDoubleArray();
        double eps = 1e-5;
        double largest = 0;
        for (int j = 0; j < g.length; j += 3) {
            double[] plus = l.toDoubleArray();
            double[] minus = l.toDoubleArray();
            plus[j] += eps;
            minus[j] -= eps;
            double fd;
            try (GradMode.Scope scope = GradMode.noGrad()) {
                fd = (CANCER.validationLoss(Tensor.of(plus, 30)).item() - CANCER.validationLoss(Tensor.of(minus, 30)).item())
                        / (2 * eps);
            }
            largest = Math.max(largest, Math.abs(fd));
            assertThat(g[j]).as("dL/dl_%d", j).isCloseTo(fd, within(1e-7 + 1e-5 * Math.abs(fd)));
        }
        assertThat(largest).isGreaterThan(1e-4);
    }

    @Test
    void evaluateReportsLogLossAndAccuracy() {
        Evaluation e = CANCER.evaluate(logPenalties());
        assertThat(e.validation().accuracy()).isPresent();
        // a regularized linear classifier separates this data set well
        assertThat(e.test().accuracy().getAsDouble()).isGreaterThan(0.9);
        assertThat(e.validation().loss()).isBetween(0.0, 0.4);
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> CANCER.solve(Tensor.zeros(2, 15))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("logistic: log-penalties must be [30] (one per feature), got [2, 15]");
        assertThatThrownBy(() -> new LogisticHyperProblem("l", List.of("a"), Tensor.zeros(2, 1), Tensor.of(0, 2),
                Tensor.zeros(1, 1), Tensor.zeros(1), Tensor.zeros(1, 1), Tensor.zeros(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("logistic: train labels must be 0 or 1, found 2.0");
    }
}
