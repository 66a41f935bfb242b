package dev.metagrad.optim.torch;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Linear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LBFGSTest {
    /** Rosenbrock over a 0-dim x and a [1, 1] y, so the flat vector spans parameters of different shapes. */
    private static Tensor rosenbrock(List<Tensor> ps) {
        Tensor x = ps.get(0);
        Tensor y = ps.get(1).reshape();
        return x.rsub(1.0).square().add(y.sub(x.square()).square().mul(100.0));
    }

    private static List<Tensor> start() {
        return List.of(Tensor.scalar(-1.5).requiresGrad(true), Tensor.of(new double[]{2.0}, 1, 1).requiresGrad(true));
    }

    private static Supplier<Tensor> closure(Optimizer opt) {
        return () -> {
            opt.zeroGrad();
            Tensor loss = rosenbrock(opt.params());
            loss.backward();
            return loss;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "strong_wolfe"})
    void rosenbrockConverges(String lineSearch) {
        LBFGS opt = new LBFGS(start(), Options.of("max_iter", 100, "tolerance_grad", 1e-12, "tolerance_change", 1e-15,
                "line_search_fn", lineSearch.equals("none") ? null : lineSearch));
        Tensor first = opt.step(closure(opt));
        assertThat(first.item()).isCloseTo(2.5 * 2.5 + 100 * 0.25 * 0.25, within(1e-12));
        assertThat(opt.params().get(0).item()).isCloseTo(1.0, within(1e-6));
        assertThat(opt.params().get(1).shape()).containsExactly(1, 1);
        assertThat(opt.params().get(1).item()).isCloseTo(1.0, within(1e-6));
        assertThat(opt.params().get(0).isLeaf()).isTrue();
        assertThat(opt.params().get(0).requiresGrad()).isTrue();
    }

    @Test
    void matchesTheFunctionalCoreAndKeepsTorchsStateLayout() {
        LBFGS opt = new LBFGS(start(), Options.of("lr", 0.5, "max_iter", 4, "history_size", 3));
        LbfgsOptions options = LbfgsOptions.defaults().withLr(0.5).withMaxIter(4).withHistorySize(3);
        LbfgsObjective objective = LbfgsObjective.of(v -> rosenbrock(List.of(v.narrow(0, 0, 1).reshape(),
                v.narrow(0, 1, 1).reshape(1, 1))), false);
        Tensor x = Tensor.of(-1.5, 2.0);
        LbfgsState state = LbfgsState.initial();
        for (int step = 0; step < 3; step++) {
            opt.step(closure(opt));
            LbfgsResult r = LbfgsFunctional.step(options, state, x, objective);
            x = r.x();
            state = r.state();
        }
        assertThat(new double[]{opt.params().get(0).item(), opt.params().get(1).item()})
                .containsExactly(x.toDoubleArray(), within(1e-14));
        Map<String, Object> s = opt.state(0);
        assertThat(s.keySet()).containsExactly("func_evals", "n_iter", "al", "d", "t", "old_dirs", "old_stps", "ro",
                "H_diag", "prev_flat_grad", "prev_loss");
        assertThat(s.get("n_iter")).isEqualTo(12L);
        assertThat(s.get("func_evals")).isEqualTo(state.funcEvals());
        assertThat(s.get("t")).isEqualTo(0.5);
        assertThat(s.get("prev_loss")).isInstanceOf(Double.class);
        assertThat((List<?>) s.get("old_dirs")).hasSize(3);
        assertThat((List<?>) s.get("al")).hasSize(3);
        assertThat(((Tensor) s.get("d")).shape()).containsExactly(2);
        assertThat(opt.state(1)).isEmpty();
        Map<String, Object> group = opt.paramGroups().get(0).options().asMap();
        assertThat(group.keySet()).containsExactly("lr", "max_iter", "max_eval", "tolerance_grad", "tolerance_change",
                "history_size", "line_search_fn");
        assertThat(group.values()).containsExactly(0.5, 4L, 5L, 1e-7, 1e-9, 3L, null);
    }

    @Test
    void maxEvalDefaultsToMaxIterTimesFiveIntegerDividedByFour() {
        assertThat(new LBFGS(start()).paramGroups().get(0).get("max_eval")).isEqualTo(25L);
        assertThat(new LBFGS(start(), Options.of("max_iter", 3)).paramGroups().get(0).get("max_eval")).isEqualTo(3L);
        assertThat(new LBFGS(start(), Options.of("max_iter", 3, "max_eval", 7)).paramGroups().get(0).get("max_eval"))
                .isEqualTo(7L);
        assertThat(new LBFGS(start()).paramGroups().get(0).get("lr")).isEqualTo(1L);
    }

    @Test
    void stepWithoutClosureIsAClearError() {
        LBFGS opt = new LBFGS(start());
        assertThat(opt.requiresClosure()).isTrue();
        assertThatThrownBy(opt::step).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LBFGS").hasMessageContaining("closure");
    }

    @Test
    void invalidOptionsAreNamed() {
        assertThatThrownBy(() -> new LBFGS(start(), Options.of("line_search_fn", "armijo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("armijo").hasMessageContaining("strong_wolfe");
        assertThatThrownBy(() -> new LBFGS(start(), Options.of("lr", -1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> new LBFGS(start(), Options.of("momentum", 0.9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("momentum").hasMessageContaining("history_size");
        assertThatThrownBy(() -> new LBFGS(start(), Options.of("max_iter", 2.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_iter");
        assertThatThrownBy(() -> new LBFGS(start(), Options.of("history_size", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history_size");
        LBFGS opt = new LBFGS(start());
        assertThatThrownBy(() -> opt.paramGroups().get(0).set("line_search_fn", "wolfe"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strong_wolfe");
    }

    @Test
    void onlyOneParamGroup() {
        List<Tensor> ps = start();
        assertThatThrownBy(() -> new LBFGS(List.of(GroupSpec.of(List.of(ps.get(0))), GroupSpec.of(List.of(ps.get(1)))),
                Options.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("doesn't support per-parameter options");
        LBFGS opt = new LBFGS(List.of(ps.get(0)), Options.empty());
        opt.addParamGroup(GroupSpec.of(List.of(ps.get(1))));
        assertThatThrownBy(() -> opt.step(closure(opt))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parameter groups");
    }

    @Test
    void parametersMustShareADtype() {
        List<Tensor> ps = List.of(Tensor.of(1.0).requiresGrad(true), Tensor.of(2.0).to(DType.FLOAT32).requiresGrad(true));
        assertThatThrownBy(() -> new LBFGS(ps)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dtype");
    }

    @Test
    void optimizersCreateBuildsLbfgs() {
        Optimizer opt = Optimizers.create("LBFGS", start(), Options.of("line_search_fn", "strong_wolfe"));
        assertThat(opt).isInstanceOf(LBFGS.class);
        assertThat(Optimizers.names()).contains("LBFGS");
        opt.step(closure(opt));
        assertThat((Long) opt.state(0).get("n_iter")).isPositive();
    }

    @Test
    void aFailingClosureLeavesParametersAndStateAsTheyWere() {
        LBFGS opt = new LBFGS(start(), Options.of("max_iter", 5));
        opt.step(closure(opt));
        List<Tensor> before = opt.params();
        Map<String, Object> stateBefore = opt.state(0);
        int[] calls = {0};
        Supplier<Tensor> failing = () -> {
            if (++calls[0] == 3) {
                throw new IllegalStateException("boom");
            }
            return closure(opt).get();
        };
        assertThatThrownBy(() -> opt.step(failing)).hasMessage("boom");
        assertThat(opt.params().get(0)).isSameAs(before.get(0));
        assertThat(opt.params().get(1)).isSameAs(before.get(1));
        assertThat(opt.state(0)).isSameAs(stateBefore);
    }

    @Test
    void aNonScalarLossIsNamed() {
        LBFGS opt = new LBFGS(start());
        assertThatThrownBy(() -> opt.step(() -> opt.params().get(0).add(Tensor.of(1.0, 2.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one-element loss").hasMessageContaining("[2]");
    }

    @Test
    void aSmallGradientEndsTheStepAfterOneEvaluation() {
        LBFGS opt = new LBFGS(List.of(Tensor.of(1.0, 1.0).requiresGrad(true)));
        Tensor p = opt.params().get(0);
        Tensor loss = opt.step(() -> {
            opt.zeroGrad();
            Tensor l = opt.params().get(0).sub(1.0).square().sum();
            l.backward();
            return l;
        });
        assertThat(loss.item()).isZero();
        assertThat(opt.params().get(0)).isSameAs(p);
        assertThat(opt.state(0)).containsExactly(Map.entry("func_evals", 1L), Map.entry("n_iter", 0L));
    }

    @Test
    void resumingFromASavedStateDictReproducesAnUninterruptedRunBitForBit(@TempDir Path dir) throws Exception {
        Options options = Options.of("max_iter", 3, "history_size", 4, "line_search_fn", "strong_wolfe");
        LBFGS straight = new LBFGS(start(), options);
        for (int i = 0; i < 4; i++) {
            straight.step(closure(straight));
        }
        LBFGS first = new LBFGS(start(), options);
        first.step(closure(first));
        first.step(closure(first));
        Path file = dir.resolve("lbfgs");
        first.save(file);
        List<Tensor> resumedParams = new ArrayList<>();
        for (Tensor p : first.params()) {
            resumedParams.add(p.detach().requiresGrad(true));
        }
        LBFGS resumed = new LBFGS(resumedParams, Options.empty());
        resumed.load(file);
        resumed.step(closure(resumed));
        resumed.step(closure(resumed));
        for (int i = 0; i < 2; i++) {
            assertThat(resumed.params().get(i).toDoubleArray()).containsExactly(straight.params().get(i).toDoubleArray());
        }
        assertThat(resumed.state(0).get("func_evals")).isEqualTo(straight.state(0).get("func_evals"));
        assertThat(((Tensor) resumed.state(0).get("d")).toDoubleArray())
                .containsExactly(((Tensor) straight.state(0).get("d")).toDoubleArray());
        assertThat(resumed.paramGroups().get(0).options()).isEqualTo(straight.paramGroups().get(0).options());
    }

    @Test
    void loadingStateThatDoesNotFitIsRejected() {
        LBFGS opt = new LBFGS(start());
        opt.step(closure(opt));
        OptimizerStateDict sd = opt.stateDict();
        LBFGS other = new LBFGS(List.of(Tensor.of(1.0, 2.0, 3.0).requiresGrad(true), Tensor.of(1.0).requiresGrad(true)));
        assertThatThrownBy(() -> other.loadStateDict(sd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"d\"").hasMessageContaining("4 elements");
        OptimizerStateDict misplaced = sd.withState(1, sd.state(0)).withState(0, Map.of());
        assertThatThrownBy(() -> opt.loadStateDict(misplaced)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first parameter");
        OptimizerStateDict unknown = sd.withState(0, Map.of("func_evals", 1L, "n_iter", 0L, "momentum", 1.0));
        assertThatThrownBy(() -> opt.loadStateDict(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("momentum");
    }

    @Test
    void trainsAModuleThroughItsParameterSlots() {
        Linear model = new Linear(2, 1, new Generator(3));
        Tensor in = Tensor.of(new double[][]{{1, 2}, {0, 1}, {-1, 0.5}, {2, -1}});
        Tensor target = Tensor.of(new double[][]{{1.75}, {0.25}, {-1.0}, {1.25}});
        LBFGS opt = new LBFGS(model, Options.of("line_search_fn", "strong_wolfe"));
        Supplier<Tensor> closure = () -> {
            opt.zeroGrad();
            Tensor loss = model.forward(in).sub(target).square().mean();
            loss.backward();
            return loss;
        };
        opt.step(closure);
        // target = x0 + 0.5 x1 - 0.25 exactly: a linear least-squares problem L-BFGS solves
        assertThat(closure.get().item()).isLessThan(1e-9);
        assertThat(model.parameter("weight").toDoubleArray()).containsExactly(new double[]{1.0, 0.5}, within(1e-4));
    }
}
