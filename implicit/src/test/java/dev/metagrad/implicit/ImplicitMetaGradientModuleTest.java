package dev.metagrad.implicit;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.linearsolve.LinearSolver;
import dev.metagrad.linearsolve.Solution;
import dev.metagrad.nn.Module;
import dev.metagrad.nn.Params;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.classic.Optimizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.metagrad.implicit.RootSolverTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImplicitMetaGradientModuleTest {
    private final Ridge ridge = Ridge.random(11, 12, 3, 9);

    /** Ridge regression whose inner problem is solved by a classic SGD loop (not differentiable). */
    static class RidgeModel extends ImplicitMetaGradientModule {
        private final int steps;
        private final double lr;

        RidgeModel(Tensor loglam, LinearSolver solver, int steps, double lr) {
            super(solver);
            this.steps = steps;
            this.lr = lr;
            registerMetaParameter("loglam", loglam);
            registerParameter("w", Tensor.zeros(loglam.numel()));
        }

        @Override
        protected Tensor objective(Object... in) {
            Tensor x = (Tensor) in[0];
            Tensor y = (Tensor) in[1];
            Tensor w = parameter("w");
            return x.matmul(w).sub(y).square().sum().mul(0.5)
                    .add(metaParameter("loglam").exp().mul(w.square()).sum().mul(0.5));
        }

        @Override
        protected Object solve(Object... in) {
            Optimizer opt = new Optimizer(this, Alias.sgd(lr));
            Tensor loss = null;
            for (int k = 0; k < steps; k++) {
                opt.zeroGrad();
                loss = objective(in);
                loss.backward();
                opt.step();
            }
            return loss;
        }

        @Override
        protected Tensor forward(Tensor input, Params params) {
            return input.matmul(params.get("w"));
        }
    }

    /** The same model with the optimality written out: F(w) = Xᵀ(Xw − y) + λ ⊙ w. */
    static final class RidgeModelWithOptimality extends RidgeModel {
        RidgeModelWithOptimality(Tensor loglam, LinearSolver solver) {
            super(loglam, solver, 3000, 0.02);
        }

        @Override
        protected List<Tensor> optimality(Object... in) {
            return List.of((Tensor) Ridge.optimality().residual(parameter("w"), List.of(metaParameter("loglam"), in[0], in[1])));
        }
    }

    private Tensor hypergradient(RidgeModel model, Tensor loglam) {
        InnerSolution s = model.call(ridge.x(), ridge.y());
        assertThat(s.parameters()).containsOnlyKeys("w");
        assertThat(model.parameter("w")).isSameAs(s.parameters().get("w"));
        Tensor prediction = model.forward(ridge.xv());
        return Autograd.grad(prediction.sub(ridge.yv()).square().mean(), loglam)[0];
    }

    @Test
    void hypergradientOfAClassicOptimizerLoopMatchesTheAnalyticFormula() {
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        RidgeModel model = new RidgeModel(loglam, TestSolvers.dense(), 3000, 0.02);
        assertClose(hypergradient(model, loglam).toDoubleArray(), ridge.analyticGrad(), 1e-9);
        assertClose(model.parameter("w").toDoubleArray(), Ridge.solve(ridge.loglam(), ridge.x(), ridge.y()), 1e-12);
        assertThat(loglam.grad()).as("the inner loop's backward() never reaches the meta-parameter").isNull();
    }

    @Test
    void anOverriddenOptimalityGivesTheSameHypergradient() {
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        RidgeModel model = new RidgeModelWithOptimality(loglam, TestSolvers.dense());
        assertClose(hypergradient(model, loglam).toDoubleArray(), ridge.analyticGrad(), 1e-9);
    }

    @Test
    void theDefaultLinearSolverIsNormalCgAndItsSolvesAreReported() {
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        List<Solution> seen = new ArrayList<>();
        RidgeModel model = new RidgeModel(loglam, null, 3000, 0.02);
        assertThat(model.linearSolve()).isNull();
        assertClose(hypergradient(model, loglam).toDoubleArray(), ridge.analyticGrad(), 1e-6);

        ImplicitMetaGradientModule strict = new ImplicitMetaGradientModule(
                (a, b) -> new Solution(b, 1, 1.0, false), seen::add, true) {
            {
                registerMetaParameter("theta", Tensor.of(1.0).requiresGrad(true));
                registerParameter("x", Tensor.zeros(1));
            }

            @Override
            protected Tensor objective(Object... in) {
                return parameter("x").sub(metaParameter("theta")).square().sum();
            }

            @Override
            protected Object solve(Object... in) {
                setParameter("x", metaParameter("theta").detach());
                return null;
            }

            @Override
            protected Tensor forward(Tensor input, Params params) {
                return params.get("x");
            }
        };
        strict.call();
        assertThatThrownBy(() -> Autograd.grad(strict.parameter("x").sum(), strict.metaParameter("theta")))
                .isInstanceOf(LinearSolveNotConvergedException.class);
        assertThat(seen).singleElement().satisfies(s -> assertThat(s.converged()).isFalse());
    }

    @Test
    void solveOutputIsHandedBack() {
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        RidgeModel model = new RidgeModel(loglam, TestSolvers.dense(), 10, 0.02);
        InnerSolution s = model.call(ridge.x(), ridge.y());
        assertThat(s.output()).isInstanceOf(Tensor.class);
        Tensor lastLoss = (Tensor) s.output();
        assertThat(lastLoss.item()).isPositive();
        assertThat(Autograd.gradOf(lastLoss).inputs(loglam).allowUnused(true).compute()[0])
                .as("the inner loop ran on a detached copy of the meta-parameter").isNull();
    }

    @Test
    void innerAndMetaParametersAreKeptApart() {
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        Prior prior = new Prior(3);
        RidgeModel model = new RidgeModel(loglam, TestSolvers.dense(), 1, 0.1) {
            {
                registerMetaModule("prior", prior);
            }
        };
        assertThat(model.namedParameters()).containsOnlyKeys("w");
        assertThat(model.namedMetaParameters()).containsOnlyKeys("loglam", "prior.mean");
        assertThat(model.metaParameters()).containsExactly(loglam, prior.parameter("mean"));
        assertThat(model.metaModule("prior")).isSameAs(prior);
        assertThatThrownBy(() -> model.metaParameter("lambda")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no meta-parameter 'lambda'");
    }

    @Test
    void registrationErrorsNameTheProblem() {
        assertThatThrownBy(() -> new RidgeModel(Tensor.zeros(2), null, 1, 0.1) {
            {
                registerMetaParameter("loglam", Tensor.zeros(2));
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'loglam' is already taken");
        assertThatThrownBy(() -> new RidgeModel(Tensor.zeros(2), null, 1, 0.1) {
            {
                registerMetaParameter("w", Tensor.zeros(2));
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'w' is already taken");
        assertThatThrownBy(() -> new RidgeModel(Tensor.zeros(2), null, 1, 0.1) {
            {
                registerMetaParameter("idx", Tensor.ofLongs(new long[] {1}, 1));
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floating point");
    }

    /** A module holding a prior mean φ, used as a meta-module. */
    static final class Prior extends Module {
        Prior(int d) {
            registerParameter("mean", Tensor.randn(new Generator(3), d));
        }

        @Override
        protected Tensor forward(Tensor input, Params params) {
            return params.get("mean");
        }
    }

    /**
     * iMAML-style proximal regression: w* = argmin 0.5‖Xw − y‖² + 0.5 λ‖w − φ‖² with φ a meta-module's parameter;
     * w* = (XᵀX + λI)⁻¹(Xᵀy + λφ), so dL/dφ = λ (XᵀX + λI)⁻¹ ∇_w L.
     */
    @Test
    void metaModuleParametersGetImplicitGradients() {
        double lambda = 2.0;
        Prior prior = new Prior(3);
        ImplicitMetaGradientModule model = new ImplicitMetaGradientModule(TestSolvers.dense()) {
            {
                registerMetaModule("prior", prior);
                registerParameter("w", Tensor.zeros(3));
            }

            @Override
            protected Tensor objective(Object... in) {
                Tensor w = parameter("w");
                Tensor phi = metaModule("prior").parameter("mean");
                return ridge.x().matmul(w).sub(ridge.y()).square().sum().mul(0.5)
                        .add(w.sub(phi).square().sum().mul(0.5 * lambda));
            }

            @Override
            protected Object solve(Object... in) {
                double[][] h = Ridge.hessian(Tensor.full(Math.log(lambda), 3), ridge.x());
                double[] rhs = Dense.times(Dense.transpose(ridge.x().toDoubleArray2d()), ridge.y().toDoubleArray());
                double[] phi = metaModule("prior").parameter("mean").toDoubleArray();
                for (int i = 0; i < 3; i++) {
                    rhs[i] += lambda * phi[i];
                }
                setParameter("w", Tensor.of(Dense.solve(h, rhs)));
                return null;
            }

            @Override
            protected Tensor forward(Tensor input, Params params) {
                return input.matmul(params.get("w"));
            }
        };
        model.call();
        Tensor w = model.parameter("w");
        Tensor loss = model.forward(ridge.xv()).sub(ridge.yv()).square().mean();
        Tensor g = Autograd.grad(loss, prior.parameter("mean"))[0];

        double[] resid = ridge.xv().matmul(w.detach()).sub(ridge.yv()).mul(2.0 / 9).toDoubleArray();
        double[] gw = Dense.times(Dense.transpose(ridge.xv().toDoubleArray2d()), resid);
        double[] expected = Dense.solve(Ridge.hessian(Tensor.full(Math.log(lambda), 3), ridge.x()), gw);
        for (int i = 0; i < 3; i++) {
            expected[i] *= lambda;
        }
        assertClose(g.toDoubleArray(), expected, 1e-12);
        assertThat(prior.parameter("mean").isLeaf()).as("the meta-module keeps its own parameter").isTrue();
    }

    @Test
    void aFailingSolveLeavesTheModuleAsItWas() {
        Tensor loglam = ridge.loglam().detach().requiresGrad(true);
        RidgeModel model = new RidgeModel(loglam, TestSolvers.dense(), 1, 0.1) {
            @Override
            protected Object solve(Object... in) {
                setParameter("w", Tensor.ones(3));
                throw new IllegalStateException("inner solver diverged");
            }
        };
        Tensor before = model.parameter("w");
        assertThatThrownBy(() -> model.call(ridge.x(), ridge.y())).hasMessage("inner solver diverged");
        assertThat(model.parameter("w")).isSameAs(before);
        assertThat(model.metaParameter("loglam")).isSameAs(loglam);
    }

    @Test
    void objectiveIsRequiredWithoutAnOptimality() {
        ImplicitMetaGradientModule model = new ImplicitMetaGradientModule(TestSolvers.dense()) {
            {
                registerMetaParameter("theta", Tensor.of(1.0).requiresGrad(true));
                registerParameter("x", Tensor.zeros(1));
            }

            @Override
            protected Object solve(Object... in) {
                return null;
            }

            @Override
            protected Tensor forward(Tensor input, Params params) {
                return params.get("x");
            }
        };
        model.call();
        Tensor x = model.parameter("x");
        assertThatThrownBy(() -> Autograd.grad(x.sum(), model.metaParameter("theta")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("override objective");
    }
}
