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
import java.util.Arrays;
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
 * approximated by K gradient steps on G from {@code φ = θ} (with step halving), run without recording. Wrapped by
 * {@link Implicit#customRoot}, {@code φ*} is a differentiable function of θ whatever the inner steps were:
 * the backward pass solves {@code (∇²L_s(φ*) + λI) u = −ḡ} by {@link ImamlConfig#solverSteps()} iterations of the
 * configured solver (CG by default; Hessian-vector products through F, which is written with a recorded
 * gradient of L_s) and returns
 * {@code −λu = (I + ∇²L_s/λ)⁻¹ ḡ}, the iMAML meta-gradient, with memory independent of K.
 */
public final class ProximalAdaptation {
    /** Halvings of the inner step size before a step is given up. */
    public static final int MAX_HALVINGS = 10;

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

    /**
     * K gradient steps on G from θ, each starting at the step size α and halved (up to
     * {@value #MAX_HALVINGS} times) while it would raise G: meta-training makes θ ever more sensitive, and a
     * fixed step would sooner or later diverge on a high-curvature task. The support loss before each step
     * rides along as aux.
     */
    @SuppressWarnings("unchecked")
    private Object innerSolve(Object z0, List<Object> args) {
        List<Tensor> theta = (List<Tensor>) args.get(0);
        SineTask task = (SineTask) args.get(1);
        double[] losses = new double[config.innerSteps()];
        List<Tensor> phi = new ArrayList<>(theta.size());
        for (Tensor t : theta) {
            phi.add(t.detach().requiresGrad(true));
        }
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            Tensor ls = InnerLoop.loss(phi, task.supportX(), task.supportY());
            double g0 = ls.item();
            for (int k = 0; k < config.innerSteps(); k++) {
                losses[k] = ls.item();
                Tensor[] grad = Autograd.gradOf(proximal(ls, phi, theta)).inputs(phi).compute();
                double step = config.innerLr();
                List<Tensor> next = null;
                Tensor nextLoss = null;
                double gNext = Double.NaN;
                for (int h = 0; h <= MAX_HALVINGS; h++) {
                    next = new ArrayList<>(phi.size());
                    try (GradMode.Scope off = GradMode.noGrad()) {
                        for (int i = 0; i < phi.size(); i++) {
                            next.add(phi.get(i).sub(grad[i].mul(step)).requiresGrad(true));
                        }
                    }
                    nextLoss = InnerLoop.loss(next, task.supportX(), task.supportY());
                    gNext = proximal(nextLoss, next, theta).item();
                    if (gNext <= g0) {
                        break;
                    }
                    step *= 0.5;
                }
                if (!(gNext <= g0)) {
                    // no step size lowers G: phi is as good as this method gets it
                    Arrays.fill(losses, k + 1, losses.length, losses[k]);
                    break;
                }
                phi = next;
                ls = nextLoss;
                g0 = gNext;
            }
        }
        List<Tensor> out = new ArrayList<>(phi.size());
        for (Tensor p : phi) {
            out.add(p.detach());
        }
        return new WithAux(List.copyOf(out), losses);
    }

    /** {@code G = L_s + (λ/2) ‖φ − θ‖²} from an already computed {@code L_s}. */
    private Tensor proximal(Tensor supportLoss, List<Tensor> phi, List<Tensor> theta) {
        Tensor g = supportLoss;
        for (int i = 0; i < phi.size(); i++) {
            g = g.add(phi.get(i).sub(theta.get(i)).square().sum().mul(0.5 * config.lambda()));
        }
        return g;
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
