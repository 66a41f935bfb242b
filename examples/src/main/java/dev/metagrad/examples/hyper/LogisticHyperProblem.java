package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Indexing;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;
import dev.metagrad.examples.data.DataSplit;
import dev.metagrad.examples.data.Dataset;
import dev.metagrad.examples.data.Standardizer;
import dev.metagrad.implicit.CustomRootOptions;
import dev.metagrad.implicit.Implicit;
import dev.metagrad.implicit.RootSolver;
import dev.metagrad.linearsolve.DenseSolve;
import dev.metagrad.linearsolve.LinearSolve;
import dev.metagrad.linearsolve.SolverOptions;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * L2-regularized logistic regression with one penalty per feature (the intercept is not penalized), the
 * penalties tuned on validation data by implicit differentiation:
 * <pre>
 *   inner   (w*, b*)(l) = argmin_{w,b} Σ_i [softplus(z_i) − y_i z_i] + ½ Σ_j exp(l_j) w_j²,  z = X w + b
 *   F       = (Xᵀ (σ(z) − y) + exp(l) ⊙ w,  Σ_i (σ(z_i) − y_i)) = 0       (the inner gradient)
 *   outer   L_val(l) = mean binary cross-entropy of σ(X_val w* + b*) against y_val
 * </pre>
 * The inner problem is solved by damped Newton's method in plain, unrecorded tensor code (each step a dense
 * Cholesky solve with the Hessian {@code X̃ᵀ diag(σ(1−σ)) X̃ + diag(exp(l), 0)}, {@code X̃ = [X, 1]}, and a
 * backtracking line search on the objective), stopping at a gradient norm of {@value #GRADIENT_TOLERANCE}
 * times its initial one; nothing of it is differentiated. {@link Implicit#customRoot} turns the solution into a
 * differentiable function of {@code l} from F alone: the backward pass solves
 * {@code (∂F/∂(w,b))ᵀ u = −ḡ} by CG over the tree {@code [w, b]}.
 */
public final class LogisticHyperProblem implements HyperProblem {
    /** Newton stops when the inner gradient's norm is at most this times its norm at the start (or 1). */
    public static final double GRADIENT_TOLERANCE = 1e-10;
    /**
     * When no step lowers the objective any more (rounding), Newton accepts a gradient norm up to this many times
     * its tolerance.
     */
    public static final double STALL_FACTOR = 1e4;
    /** Newton iterations before the inner solve gives up. */
    public static final int MAX_NEWTON = 100;
    /** Relative residual tolerance of the backward pass's CG solve. */
    public static final double RTOL = 1e-10;

    private final String description;
    private final SplitTensors data;
    private final Tensor xTrain;
    private final Tensor yTrain;
    private final Tensor xAugmented;
    /** {@code X̃ᵀ} and {@code Xᵀ}, materialized once: {@code Tensor.t()} copies, where torch's is a free view. */
    private final Tensor xAugmentedT;
    private final Tensor xTrainT;
    private final RootSolver logistic;

    /**
     * A problem on prepared matrices (scaled as wanted; an unpenalized intercept is fitted).
     *
     * @param xTrain {@code [n, d]} training features; {@code yTrain} {@code [n]} labels in {0, 1}; likewise
     *               for the validation and test rows
     * @throws IllegalArgumentException when the shapes disagree or a label is not 0 or 1
     */
    public LogisticHyperProblem(String description, List<String> featureNames, Tensor xTrain, Tensor yTrain,
                                Tensor xVal, Tensor yVal, Tensor xTest, Tensor yTest) {
        this.description = description;
        this.data = new SplitTensors("logistic", featureNames, xTrain, yTrain, xVal, yVal, xTest, yTest,
                LogisticHyperProblem::checkLabels);
        int d = data.featureNames().size();
        this.xTrain = data.xTrain();
        this.yTrain = data.yTrain();
        this.xAugmented = Indexing.cat(List.of(this.xTrain, Tensor.ones(xTrain.size(0), 1)), 1);
        this.xAugmentedT = xAugmented.t().detach();
        this.xTrainT = this.xTrain.t().detach();
        this.logistic = Implicit.customRoot(
                (z, args) -> optimality(params(z), (Tensor) args.get(0)),
                (z0, args) -> newton((Tensor) args.get(0)),
                CustomRootOptions.builder().argnums(1)
                        .solve(LinearSolve.solveCg(SolverOptions.defaults().withRtol(RTOL).withMaxIter(10 * (d + 1))))
                        .requireConvergence(true).build());
    }

    /** The problem on a data split, features standardized with training statistics only. */
    public static LogisticHyperProblem fromSplit(String description, DataSplit split) {
        Standardizer s = Standardizer.fit(split.train().x());
        Dataset tr = split.train();
        Dataset va = split.validation();
        Dataset te = split.test();
        return new LogisticHyperProblem(description, tr.featureNames(), s.transform(tr.x()), tr.y(), s.transform(va.x()),
                va.y(), s.transform(te.x()), te.y());
    }

    /**
     * The inner objective {@code Σ_i [softplus(z_i) − y_i z_i] + ½ Σ_j exp(l_j) w_j²} (a sum over the rows, so
     * that a penalty weighs against the whole training set).
     */
    Tensor objective(List<Tensor> wb, Tensor logPenalties) {
        Tensor z = logits(xTrain, wb);
        Tensor fit = Losses.binaryCrossEntropyWithLogits(z, yTrain, Reduction.SUM);
        return fit.add(logPenalties.exp().mul(wb.get(0).square()).sum().mul(0.5));
    }

    /** F, the gradient of {@link #objective} with respect to {@code [w, b]}, in closed form. */
    List<Tensor> optimality(List<Tensor> wb, Tensor logPenalties) {
        Tensor r = logits(xTrain, wb).sigmoid().sub(yTrain);
        return List.of(xTrainT.matmul(r).add(logPenalties.exp().mul(wb.get(0))), r.sum().reshape(1));
    }

    /**
     * Damped Newton's method from zero on the inner objective, unrecorded: each step solves
     * {@code H δ = g} by a dense Cholesky factorization of the {@code (d+1) × (d+1)} Hessian, then backtracks
     * until the objective decreases enough (Armijo).
     *
     * @throws IllegalStateException when it does not reach the gradient tolerance in {@value #MAX_NEWTON} steps,
     *                               or stalls well above it
     */
    private List<Tensor> newton(Tensor logPenalties) {
        int d = data.featureNames().size();
        Tensor penalty = Indexing.cat(List.of(logPenalties.exp(), Tensor.zeros(1)), 0);
        Tensor penaltyMatrix = Tensor.eye(d + 1).mul(penalty);
        Tensor theta = Tensor.zeros(d + 1);
        double f = objectiveAugmented(theta, penalty);
        double tolerance = Double.NaN;
        double gNorm = Double.NaN;
        for (int k = 0; k < MAX_NEWTON; k++) {
            Tensor p = xAugmented.matmul(theta).sigmoid();
            Tensor g = xAugmentedT.matmul(p.sub(yTrain)).add(penalty.mul(theta));
            gNorm = g.norm(2).item();
            if (k == 0) {
                tolerance = GRADIENT_TOLERANCE * Math.max(1.0, gNorm);
            }
            if (gNorm <= tolerance) {
                return List.of(theta.narrow(0, 0, d), theta.narrow(0, d, 1));
            }
            Tensor curvature = p.mul(p.rsub(1.0)).unsqueeze(1);
            Tensor hessian = xAugmentedT.matmul(xAugmented.mul(curvature)).add(penaltyMatrix);
            Tensor step;
            try {
                step = DenseSolve.cholesky(hessian, g);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("logistic inner solve: the Hessian at Newton step " + (k + 1)
                        + " cannot be factorized (" + e.getMessage() + "); the penalties may be too small", e);
            }
            double slope = g.dot(step).item();
            double t = 1.0;
            Tensor next = theta.sub(step);
            double fNext = objectiveAugmented(next, penalty);
            // Armijo backtracking: a full Newton step can overshoot far from the optimum
            for (int h = 0; h < 40 && !(fNext <= f - 1e-4 * t * slope); h++) {
                t *= 0.5;
                next = theta.sub(step.mul(t));
                fNext = objectiveAugmented(next, penalty);
            }
            if (!(fNext < f)) {
                // no step lowers the objective: rounding, not the method, limits the gradient now
                if (gNorm <= STALL_FACTOR * tolerance) {
                    return List.of(theta.narrow(0, 0, d), theta.narrow(0, d, 1));
                }
                throw new IllegalStateException(String.format(Locale.ROOT, "logistic inner solve: the line search "
                        + "stalled at Newton step %d with gradient norm %.3g (wanted %.3g)", k + 1, gNorm, tolerance));
            }
            theta = next;
            f = fNext;
        }
        throw new IllegalStateException(String.format(Locale.ROOT, "logistic inner solve: Newton did not converge in "
                + "%d steps (gradient norm %.3g, wanted %.3g); the penalties may be too small for separable data",
                MAX_NEWTON, gNorm, tolerance));
    }

    private double objectiveAugmented(Tensor theta, Tensor penalty) {
        Tensor z = xAugmented.matmul(theta);
        return Losses.binaryCrossEntropyWithLogits(z, yTrain, Reduction.SUM).item()
                + 0.5 * penalty.mul(theta.square()).sum().item();
    }

    /**
     * The fitted {@code [w*, b*]}, connected to {@code l}'s graph by the implicit function theorem.
     *
     * @throws IllegalArgumentException when {@code l} is not {@code [features]}
     */
    public List<Tensor> solve(Tensor logPenalties) {
        data.checkPenalties(logPenalties);
        return params(logistic.solve(null, logPenalties));
    }

    @Override
    public Tensor validationLoss(Tensor logPenalties) {
        return Losses.binaryCrossEntropyWithLogits(logits(data.xVal(), solve(logPenalties)), data.yVal(), Reduction.MEAN);
    }

    @Override
    public Evaluation evaluate(Tensor logPenalties) {
        try (GradMode.Scope scope = GradMode.noGrad()) {
            List<Tensor> wb = solve(logPenalties.detach());
            return new Evaluation(scores(data.xVal(), data.yVal(), wb), scores(data.xTest(), data.yTest(), wb));
        }
    }

    private static Scores scores(Tensor x, Tensor y, List<Tensor> wb) {
        Tensor z = logits(x, wb);
        double loss = Losses.binaryCrossEntropyWithLogits(z, y, Reduction.MEAN).item();
        double[] zs = z.toDoubleArray();
        double[] ys = y.toDoubleArray();
        int correct = 0;
        for (int i = 0; i < zs.length; i++) {
            if ((zs[i] > 0) == (ys[i] == 1)) {
                correct++;
            }
        }
        return new Scores(loss, OptionalDouble.of((double) correct / zs.length));
    }

    private static Tensor logits(Tensor x, List<Tensor> wb) {
        return x.matmul(wb.get(0)).add(wb.get(1));
    }

    @SuppressWarnings("unchecked")
    private static List<Tensor> params(Object tree) {
        return (List<Tensor>) tree;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String lossName() {
        return "log loss";
    }

    @Override
    public List<String> featureNames() {
        return data.featureNames();
    }

    @Override
    public int[] splitSizes() {
        return data.splitSizes();
    }

    private static void checkLabels(String part, Tensor y) {
        for (double v : y.toDoubleArray()) {
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("logistic: " + part + " labels must be 0 or 1, found " + v);
            }
        }
    }
}
