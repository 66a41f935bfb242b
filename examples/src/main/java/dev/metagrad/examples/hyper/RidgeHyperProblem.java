package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.data.DataSplit;
import dev.metagrad.examples.data.Dataset;
import dev.metagrad.examples.data.Standardizer;
import dev.metagrad.implicit.CustomRootOptions;
import dev.metagrad.implicit.Implicit;
import dev.metagrad.implicit.RootSolver;
import dev.metagrad.linearsolve.CgOptions;
import dev.metagrad.linearsolve.LinearSolve;
import dev.metagrad.linearsolve.Solution;
import dev.metagrad.linearsolve.SolverOptions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Ridge regression with one L2 penalty per feature, the penalties tuned on validation data by implicit
 * differentiation:
 * <pre>
 *   inner   w*(l) = argmin_w ½ ‖X w − y‖² + ½ Σ_j exp(l_j) w_j²       (training rows)
 *           i.e.  (Xᵀ X + diag(exp(l))) w* = Xᵀ y, solved by conjugate gradients
 *   F(w, l) = Xᵀ (X w − y) + exp(l) ⊙ w = 0                           (optimality: the inner gradient)
 *   outer   L_val(l) = (1/m) ‖X_val w*(l) − y_val‖²                    (validation MSE)
 * </pre>
 * The inner solve runs unrecorded inside {@link Implicit#customRoot}; the hypergradient is
 * {@code dL/dl = −(∂F/∂l)ᵀ (∂F/∂w)⁻ᵀ ∂L/∂w*}, one more CG solve in the backward pass. Both solves stop at a
 * relative residual of {@value #RTOL} (at most {@code 10 d} iterations), and a solve that does not converge
 * fails loudly rather than giving a truncated gradient.
 */
public final class RidgeHyperProblem implements HyperProblem {
    /** Relative residual tolerance of the inner and the backward CG solves. */
    public static final double RTOL = 1e-10;

    private final String description;
    private final SplitTensors data;
    private final Tensor xTrain;
    /** {@code Xᵀ}, materialized once: {@code Tensor.t()} copies, where torch's is a free view. */
    private final Tensor xTrainT;
    private final Tensor yTrain;
    private final RootSolver ridge;

    /**
     * A problem on prepared matrices (already scaled as wanted; no intercept is fitted).
     *
     * @param description  what is fitted, for reports
     * @param featureNames one name per column
     * @param xTrain       {@code [n, d]} training features
     * @param yTrain       {@code [n]} training targets
     * @param xVal         {@code [m, d]} validation features
     * @param yVal         {@code [m]} validation targets
     * @param xTest        {@code [k, d]} test features
     * @param yTest        {@code [k]} test targets
     * @throws IllegalArgumentException when the shapes disagree
     */
    public RidgeHyperProblem(String description, List<String> featureNames, Tensor xTrain, Tensor yTrain, Tensor xVal,
                             Tensor yVal, Tensor xTest, Tensor yTest) {
        this.description = description;
        this.data = new SplitTensors("ridge", featureNames, xTrain, yTrain, xVal, yVal, xTest, yTest, (part, y) -> { });
        int d = data.featureNames().size();
        this.xTrain = data.xTrain();
        this.xTrainT = this.xTrain.t().detach();
        this.yTrain = data.yTrain();
        Tensor xtY = xTrainT.matmul(this.yTrain);
        int maxIter = 10 * d;
        this.ridge = Implicit.customRoot(
                (w, args) -> optimality((Tensor) w, (Tensor) args.get(0)),
                (w0, args) -> innerSolve((Tensor) w0, (Tensor) args.get(0), xtY, maxIter),
                CustomRootOptions.builder().argnums(1)
                        .solve(LinearSolve.solveCg(SolverOptions.defaults().withRtol(RTOL).withMaxIter(maxIter)))
                        .requireConvergence(true).build());
    }

    /**
     * The problem on a data split: features standardized and targets centred with training statistics only
     * (so no intercept is needed: the fitted intercept of centred data is 0), validation and test rows
     * transformed with the same statistics.
     */
    public static RidgeHyperProblem fromSplit(String description, DataSplit split) {
        Standardizer s = Standardizer.fit(split.train().x());
        double yMean = mean(split.train().y());
        Dataset tr = split.train();
        Dataset va = split.validation();
        Dataset te = split.test();
        return new RidgeHyperProblem(description, tr.featureNames(), s.transform(tr.x()), tr.y().sub(yMean),
                s.transform(va.x()), va.y().sub(yMean), s.transform(te.x()), te.y().sub(yMean));
    }

    /** {@code F(w, l) = Xᵀ (X w − y) + exp(l) ⊙ w}, the gradient of the inner objective. */
    Tensor optimality(Tensor w, Tensor logPenalties) {
        return xTrainT.matmul(xTrain.matmul(w).sub(yTrain)).add(logPenalties.exp().mul(w));
    }

    /**
     * The inner solution {@code w*(l)} by CG on {@code (Xᵀ X + diag(exp(l))) w = Xᵀ y}, unrecorded, started at
     * {@code w0} (zero when null).
     *
     * @throws IllegalStateException when CG does not reach the tolerance
     */
    private Tensor innerSolve(Tensor w0, Tensor logPenalties, Tensor xtY, int maxIter) {
        Tensor lambda = logPenalties.exp();
        Solution s = LinearSolve.cg(u -> xTrainT.matmul(xTrain.matmul((Tensor) u)).add(lambda.mul((Tensor) u)), xtY,
                CgOptions.defaults().withRtol(RTOL).withMaxIter(maxIter).withX0(w0));
        if (!s.converged()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "ridge inner solve: CG did not converge in %d "
                    + "iterations (residual norm %.3g, relative tolerance %.0e)", s.iterations(), s.residualNorm(), RTOL));
        }
        return (Tensor) s.x();
    }

    /**
     * The ridge solution {@code w*(l)}, connected to {@code l}'s graph by the implicit function theorem.
     *
     * @throws IllegalArgumentException when {@code l} is not {@code [features]}
     */
    public Tensor solve(Tensor logPenalties) {
        data.checkPenalties(logPenalties);
        return (Tensor) ridge.solve(null, logPenalties);
    }

    @Override
    public Tensor validationLoss(Tensor logPenalties) {
        return mse(data.xVal(), data.yVal(), solve(logPenalties));
    }

    @Override
    public Evaluation evaluate(Tensor logPenalties) {
        try (GradMode.Scope scope = GradMode.noGrad()) {
            Tensor w = solve(logPenalties.detach());
            return new Evaluation(new Scores(mse(data.xVal(), data.yVal(), w).item(), OptionalDouble.empty()),
                    new Scores(mse(data.xTest(), data.yTest(), w).item(), OptionalDouble.empty()));
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String lossName() {
        return "MSE";
    }

    @Override
    public List<String> featureNames() {
        return data.featureNames();
    }

    @Override
    public int[] splitSizes() {
        return data.splitSizes();
    }

    private static Tensor mse(Tensor x, Tensor y, Tensor w) {
        return x.matmul(w).sub(y).square().mean();
    }

    private static double mean(Tensor v) {
        return Arrays.stream(v.toDoubleArray()).average().orElseThrow();
    }
}
