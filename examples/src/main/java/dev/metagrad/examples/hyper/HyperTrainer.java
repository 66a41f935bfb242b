package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.maml.OuterOptimizer;
import dev.metagrad.examples.maml.OuterOptimizers;
import dev.metagrad.examples.maml.Progress;

import java.util.List;

/**
 * Gradient-based hyper-parameter optimization: Adam ({@code torch.optim.Adam} semantics, betas 0.9/0.999,
 * eps 1e-8) on the log-penalties {@code l}, each step's gradient the implicit hypergradient
 * {@code dL_val(w*(l))/dl} of a {@link HyperProblem}.
 */
public final class HyperTrainer {
    private HyperTrainer() {
    }

    /** The validation loss and hypergradient at one point. */
    public record Hypergradient(double validationLoss, Tensor gradient) {
    }

    /**
     * The hypergradient {@code dL_val/dl} at {@code l}.
     *
     * @throws IllegalArgumentException when {@code l} has the wrong shape for the problem
     */
    public static Hypergradient hypergradient(HyperProblem problem, Tensor logPenalties) {
        Tensor l = logPenalties.detach().requiresGrad(true);
        Tensor loss = problem.validationLoss(l);
        return new Hypergradient(loss.item(), Autograd.grad(loss, l)[0]);
    }

    /**
     * Runs {@code steps} Adam steps from {@code l0}.
     *
     * @param lr       Adam's learning rate
     * @param progress told after each step
     * @throws ArithmeticException      when the validation loss or its hypergradient stops being finite (the
     *                                  message names the step)
     * @throws IllegalArgumentException for a non-positive step count or a wrong-shaped {@code l0}
     */
    public static HyperRun train(HyperProblem problem, Tensor l0, int steps, double lr, Progress progress) {
        if (steps < 1) {
            throw new IllegalArgumentException("HyperTrainer: steps must be at least 1, got " + steps);
        }
        Evaluation before = problem.evaluate(l0);
        OuterOptimizer adam = OuterOptimizers.adam(lr, 0.9, 0.999, 1e-8);
        List<Tensor> l = List.of(l0.detach().requiresGrad(true));
        double[] losses = new double[steps];
        double[] ms = new double[steps];
        for (int s = 0; s < steps; s++) {
            long t0 = System.nanoTime();
            Hypergradient h = hypergradient(problem, l.get(0));
            if (!Double.isFinite(h.validationLoss()) || !allFinite(h.gradient())) {
                progress.finish();
                throw new ArithmeticException("the validation loss or its hypergradient became non-finite at step "
                        + (s + 1) + " (loss " + h.validationLoss() + "); try a smaller --lr");
            }
            l = adam.step(l, List.of(h.gradient()));
            ms[s] = (System.nanoTime() - t0) / 1e6;
            losses[s] = h.validationLoss();
            progress.update(s + 1, h.validationLoss(), ms[s]);
        }
        progress.finish();
        Tensor learned = l.get(0).detach();
        return new HyperRun(l0.detach(), learned, losses, ms, before, problem.evaluate(learned));
    }

    private static boolean allFinite(Tensor t) {
        for (double v : t.toDoubleArray()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
