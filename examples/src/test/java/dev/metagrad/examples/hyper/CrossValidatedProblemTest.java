package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.data.DataSplit;
import dev.metagrad.examples.data.Datasets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CrossValidatedProblemTest {
    private static List<HyperProblem> folds() {
        List<HyperProblem> folds = new ArrayList<>();
        for (DataSplit s : DataSplit.kFold(Datasets.diabetes(), new Generator(1), 3, 0.2)) {
            folds.add(RidgeHyperProblem.fromSplit("ridge", s));
        }
        return folds;
    }

    @Test
    void theLossAndItsHypergradientAreTheFoldMeans() {
        List<HyperProblem> folds = folds();
        CrossValidatedProblem cv = new CrossValidatedProblem(folds);
        Tensor l = Tensor.linspace(-1.0, 2.0, 10);
        HyperTrainer.Hypergradient h = HyperTrainer.hypergradient(cv, l);
        double loss = 0;
        double[] g = new double[10];
        for (HyperProblem f : folds) {
            HyperTrainer.Hypergradient hf = HyperTrainer.hypergradient(f, l);
            loss += hf.validationLoss() / 3;
            double[] gf = hf.gradient().toDoubleArray();
            for (int j = 0; j < 10; j++) {
                g[j] += gf[j] / 3;
            }
        }
        assertThat(h.validationLoss()).isCloseTo(loss, within(1e-9));
        assertThat(h.gradient().toDoubleArray()).containsExactly(g, within(1e-9));
        Evaluation e = cv.evaluate(l);
        assertThat(e.validation().loss()).isCloseTo(loss, within(1e-9));
        assertThat(e.test().accuracy()).isEmpty();
        assertThat(cv.description()).isEqualTo("ridge, 3-fold cross-validated");
        assertThat(cv.featureNames()).hasSize(10);
    }

    @Test
    void needsTwoFoldsOverTheSameFeatures() {
        List<HyperProblem> folds = folds();
        assertThatThrownBy(() -> new CrossValidatedProblem(folds.subList(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 folds");
        HyperProblem other = SyntheticRidge.generate(20, 10, 0).problem();
        assertThatThrownBy(() -> new CrossValidatedProblem(List.of(folds.get(0), other)))
                .hasMessageContaining("different features");
    }
}
