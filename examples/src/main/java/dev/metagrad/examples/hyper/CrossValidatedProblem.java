package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Tensor;

import java.util.List;
import java.util.OptionalDouble;

/**
 * K-fold cross-validation as the outer objective: the mean of K problems' validation losses, each fold's
 * inner problem fitted on the other folds, {@code L_cv(l) = (1/K) Σ_k L_val,k(w*_k(l))}. With one penalty per
 * feature a single validation set of a hundred rows is easily overfitted; K folds validate on every
 * non-test row. Scores average over the folds (the test score is the mean test loss of the K fold models).
 *
 * @param folds the per-fold problems, sharing features and test rows
 */
public record CrossValidatedProblem(List<HyperProblem> folds) implements HyperProblem {
    /**
     * Checks the folds.
     *
     * @throws IllegalArgumentException for fewer than two folds or folds with different features
     */
    public CrossValidatedProblem {
        folds = List.copyOf(folds);
        if (folds.size() < 2) {
            throw new IllegalArgumentException("CrossValidatedProblem: needs at least 2 folds, got " + folds.size());
        }
        for (HyperProblem f : folds) {
            if (!f.featureNames().equals(folds.get(0).featureNames())) {
                throw new IllegalArgumentException("CrossValidatedProblem: the folds have different features");
            }
        }
    }

    @Override
    public String description() {
        return folds.get(0).description() + ", " + folds.size() + "-fold cross-validated";
    }

    @Override
    public String lossName() {
        return folds.get(0).lossName();
    }

    @Override
    public List<String> featureNames() {
        return folds.get(0).featureNames();
    }

    /** The sizes of the first fold's parts (the folds differ by at most one row). */
    @Override
    public int[] splitSizes() {
        return folds.get(0).splitSizes();
    }

    @Override
    public Tensor validationLoss(Tensor logPenalties) {
        Tensor sum = null;
        for (HyperProblem f : folds) {
            Tensor l = f.validationLoss(logPenalties);
            sum = sum == null ? l : sum.add(l);
        }
        return sum.div(folds.size());
    }

    @Override
    public Evaluation evaluate(Tensor logPenalties) {
        double val = 0;
        double test = 0;
        double valAcc = 0;
        double testAcc = 0;
        boolean accuracy = true;
        for (HyperProblem f : folds) {
            Evaluation e = f.evaluate(logPenalties);
            val += e.validation().loss();
            test += e.test().loss();
            accuracy &= e.validation().accuracy().isPresent() && e.test().accuracy().isPresent();
            valAcc += e.validation().accuracy().orElse(0);
            testAcc += e.test().accuracy().orElse(0);
        }
        int k = folds.size();
        return new Evaluation(new Scores(val / k, accuracy ? OptionalDouble.of(valAcc / k) : OptionalDouble.empty()),
                new Scores(test / k, accuracy ? OptionalDouble.of(testAcc / k) : OptionalDouble.empty()));
    }
}
