package dev.metagrad.examples.imaml;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.maml.Adaptation;
import dev.metagrad.examples.maml.InnerLoop;
import dev.metagrad.examples.maml.SineTask;
import dev.metagrad.implicit.CustomRootOptions;
import dev.metagrad.implicit.Implicit;
import dev.metagrad.implicit.RootSolver;
import dev.metagrad.implicit.WithAux;
import dev.metagrad.linearsolve.Solution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * iMAML's task adaptation (Rajeswaran, Finn, Kakade and Levine 2019): the adapted parameters solve the
 * proximally regularized support problem
 * <pre>
 *   φ*(θ) = argmin_φ G(φ, θ),   G(φ, θ) = L_s(φ) + (λ/2) ‖φ − θ‖²
 *   F(φ, θ) = ∇L_s(φ) + λ (φ − θ) = 0                                  (optimality)
 * </pre>
 * approximated by K plain gradient steps on G from {@code φ = θ}, run without recording. Wrapped by
 * {@link Implicit#customRoot}, {@code φ*} is a differentiable function of θ whatever the inner steps were:
 * the backward pass solves {@code (∇²L_s(φ*) + λI) u = −ḡ} by {@link ImamlConfig#solverSteps()} iterations of the
 * configured solver (CG by default; Hessian-vector products through F, which is written with a recorded
 * gradient of L_s) and returns
 * {@code −λu = (I + ∇²L_s/λ)⁻¹ ḡ}, the iMAML meta-gradient, with memory independent of K.
 */
public final class ProximalAdaptation {
    private final ImamlConfig config;
    private final RootSolver root;
    private final LongAdder solves = new LongAdder();
    private final LongAdder cgIterations = new LongAdder();
    private final DoubleAdder residuals = new DoubleAdder();

    /** An adaptation with the given settings. */
    public ProximalAdaptation(ImamlConfig config) {
        this.config = config;
        this.root = Implicit.customRoot(this::optimality, this::innerSolve,
                CustomRootOptions.builder().argnums(1).hasAux(true)
                        .solve(config.solver().linearSolver(config.solverSteps()))
                        .onLinearSolve(this::record)
                        .build());
    }

    /** The settings. */
    public ImamlConfig config() {
        return config;
    }

    /**
     * Adapts θ to a task: {@code φ*(θ)}, differentiable with respect to the leaves of θ that require grad.
     *
     * @param theta the meta-parameters (weights and biases of {@link dev.metagrad.examples.maml.SineModel})
     * @return the adapted parameters and the support loss {@code L_s} before each inner step
     */
    @SuppressWarnings("unchecked")
    public Adaptation adapt(List<Tensor> theta, SineTask task) {
        WithAux out = root.solveWithAux(null, theta, task);
        return new Adaptation(List.copyOf((List<Tensor>) out.solution()), (double[]) out.aux());
    }

    /** {@code F(φ, θ) = ∇L_s(φ) + λ (φ − θ)}, with the gradient recorded so that F can be differentiated. */
    @SuppressWarnings("unchecked")
    private Object optimality(Object z, List<Object> args) {
        List<Tensor> phi = (List<Tensor>) z;
        List<Tensor> theta = (List<Tensor>) args.get(0);
        SineTask task = (SineTask) args.get(1);
        List<Tensor> inputs = phi;
        if (!phi.stream().allMatch(Tensor::requiresGrad)) {
            // evaluated outside a backward pass: F's value is wanted, not its graph back to phi
            inputs = new ArrayList<>(phi.size());
            for (Tensor p : phi) {
                inputs.add(p.detach().requiresGrad(true));
            }
        }
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            Tensor ls = InnerLoop.loss(inputs, task.supportX(), task.supportY());
            Tensor[] g = Autograd.gradOf(ls).inputs(inputs).createGraph(true).compute();
            List<Tensor> f = new ArrayList<>(g.length);
            for (int i = 0; i < g.length; i++) {
                f.add(g[i].add(inputs.get(i).sub(theta.get(i)).mul(config.lambda())));
            }
            return f;
        }
    }

    /** K gradient steps on G from θ; the support loss before each step rides along as aux. */
    @SuppressWarnings("unchecked")
    private Object innerSolve(Object z0, List<Object> args) {
        List<Tensor> theta = (List<Tensor>) args.get(0);
        SineTask task = (SineTask) args.get(1);
        double[] losses = new double[config.innerSteps()];
        List<Tensor> phi = new ArrayList<>(theta.size());
        for (Tensor t : theta) {
            phi.add(t.detach());
        }
        for (int k = 0; k < config.innerSteps(); k++) {
            List<Tensor> leaves = new ArrayList<>(phi.size());
            for (Tensor p : phi) {
                leaves.add(p.detach().requiresGrad(true));
            }
            Tensor[] g;
            try (GradMode.Scope scope = GradMode.enableGrad()) {
                Tensor ls = InnerLoop.loss(leaves, task.supportX(), task.supportY());
                losses[k] = ls.item();
                g = Autograd.gradOf(ls).inputs(leaves).compute();
            }
            List<Tensor> next = new ArrayList<>(phi.size());
            for (int i = 0; i < phi.size(); i++) {
                Tensor p = phi.get(i);
                Tensor step = g[i].add(p.sub(theta.get(i)).mul(config.lambda()));
                next.add(p.sub(step.mul(config.innerLr())));
            }
            phi = next;
        }
        return new WithAux(List.copyOf(phi), losses);
    }

    private void record(Solution s) {
        solves.increment();
        cgIterations.add(s.iterations());
        residuals.add(s.residualNorm());
    }

    /**
     * The backward CG solves since the last call: their number, mean iterations and mean final residual norm;
     * the counters are reset.
     */
    public synchronized double[] takeSolveStatistics() {
        long n = solves.sumThenReset();
        long it = cgIterations.sumThenReset();
        double r = residuals.sumThenReset();
        return n == 0 ? new double[] {0, Double.NaN, Double.NaN} : new double[] {n, (double) it / n, r / n};
    }
}
