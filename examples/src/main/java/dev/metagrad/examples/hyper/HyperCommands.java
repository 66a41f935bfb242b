package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Generator;
import dev.metagrad.examples.data.DataSplit;
import dev.metagrad.examples.data.Dataset;
import dev.metagrad.examples.data.Datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The two hyper-parameter commands of the CLI, on the bundled scikit-learn data sets. */
public final class HyperCommands {
    private HyperCommands() {
    }

    /**
     * {@code ridge-hyper}: per-feature ridge penalties on scikit-learn's diabetes data (442 rows, 10 features),
     * features standardized and the target centred with training statistics.
     */
    public static HyperCommand ridge() {
        return new HyperCommand("ridge-hyper", String.join(System.lineSeparator(),
                "  Learns one L2 penalty per feature for ridge regression on scikit-learn's diabetes data:",
                "  inner w*(l) = argmin 0.5 ||X w - y||^2 + 0.5 sum_j exp(l_j) w_j^2 on the training rows (CG),",
                "  outer: validation MSE, differentiated by implicit differentiation (customRoot + CG), Adam on l.",
                "  Prints validation and test MSE before and after and the learned penalties, writes a PNG."),
                new HyperOptions(200, 0.05, 0, 0.0, 0.2, 0.2, 1, Path.of("ridge-hyper.png")),
                o -> problem(Datasets.diabetes(), o, s -> RidgeHyperProblem.fromSplit("ridge regression on diabetes", s)));
    }

    /**
     * {@code logistic-hyper}: per-feature L2 penalties of logistic regression on scikit-learn's breast-cancer
     * data (569 rows, 30 features), features standardized with training statistics.
     */
    public static HyperCommand logistic() {
        return new HyperCommand("logistic-hyper", String.join(System.lineSeparator(),
                "  Learns one L2 penalty per feature for logistic regression on scikit-learn's breast-cancer data:",
                "  inner (w, b)*(l) = argmin sum_i BCE(x_i w + b, y_i) + 0.5 sum_j exp(l_j) w_j^2 by Newton's method",
                "  (not differentiated), outer: validation log loss, hypergradient by customRoot + CG, Adam on l.",
                "  Prints validation and test log loss and accuracy before and after and the learned penalties,",
                "  writes a PNG."),
                new HyperOptions(100, 0.1, 0, 0.0, 0.2, 0.2, 1, Path.of("logistic-hyper.png")),
                o -> problem(Datasets.breastCancer(), o,
                        s -> LogisticHyperProblem.fromSplit("logistic regression on breast_cancer", s)));
    }

    /** One split, or a {@link CrossValidatedProblem} over {@code --folds} K-fold splits, seeded by {@code --seed}. */
    private static HyperProblem problem(Dataset data, HyperOptions o, Function<DataSplit, HyperProblem> onSplit) {
        Generator rng = new Generator(o.seed());
        if (o.folds() == 1) {
            return onSplit.apply(DataSplit.random(data, rng, o.validationFraction(), o.testFraction()));
        }
        List<HyperProblem> folds = new ArrayList<>(o.folds());
        for (DataSplit s : DataSplit.kFold(data, rng, o.folds(), o.testFraction())) {
            folds.add(onSplit.apply(s));
        }
        return new CrossValidatedProblem(folds);
    }
}
