package dev.metagrad.optim;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta-gradients through two optimizer steps: d loss(p_2) / d p_0 where p_{k+1} = p_k + update(∇loss(p_k)) and
 * the gradients are taken with createGraph, checked against finite differences for every alias.
 */
class AliasMetaGradientTest {
    private static final Tensor WEIGHTS = Tensor.of(1.5, 0.7, 2.0);

    /** A smooth, non-quadratic loss: Σ 0.5·w·p² + 0.1·p⁴ + 0.3·p. */
    static Tensor loss(Tensor p) {
        return p.square().mul(WEIGHTS).mul(0.5).add(p.square().square().mul(0.1)).add(p.mul(0.3)).sum();
    }

    static Stream<Arguments> aliases() {
        return Stream.of(
                Arguments.of("sgd", (Supplier<GradientTransformation>) () -> Alias.sgd(0.1)),
                Arguments.of("sgd momentum dampening wd", (Supplier<GradientTransformation>) () ->
                        Alias.sgd(SgdOptions.defaults().lr(0.1).momentum(0.9).dampening(0.2).weightDecay(0.05))),
                Arguments.of("sgd nesterov maximize", (Supplier<GradientTransformation>) () ->
                        Alias.sgd(SgdOptions.defaults().lr(0.1).momentum(0.8).nesterov(true))),
                Arguments.of("adam", (Supplier<GradientTransformation>) () -> Alias.adam(AdamOptions.defaults().lr(0.05).epsRoot(1e-8))),
                Arguments.of("adam wd", (Supplier<GradientTransformation>) () ->
                        Alias.adam(AdamOptions.defaults().lr(0.05).weightDecay(0.1).betas(0.8, 0.95))),
                Arguments.of("adamw", (Supplier<GradientTransformation>) () -> Alias.adamw(AdamWOptions.defaults().lr(0.05))),
                Arguments.of("adamax", (Supplier<GradientTransformation>) () -> Alias.adamax(AdamaxOptions.defaults().lr(0.05))),
                Arguments.of("adadelta", (Supplier<GradientTransformation>) () -> Alias.adadelta(AdadeltaOptions.defaults().lr(1.0))),
                Arguments.of("adagrad", (Supplier<GradientTransformation>) () ->
                        Alias.adagrad(AdagradOptions.defaults().lr(0.1).lrDecay(0.05).initialAccumulatorValue(0.1))),
                Arguments.of("radam", (Supplier<GradientTransformation>) () -> Alias.radam(RAdamOptions.defaults().lr(0.05))),
                Arguments.of("rmsprop", (Supplier<GradientTransformation>) () -> Alias.rmsprop(RmsPropOptions.defaults().lr(0.01))),
                Arguments.of("rmsprop centered momentum", (Supplier<GradientTransformation>) () ->
                        Alias.rmsprop(RmsPropOptions.defaults().lr(0.01).centered(true).momentum(0.9).initialScale(0.1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aliases")
    void metaGradientThroughTwoStepsMatchesFiniteDifferences(String name, Supplier<GradientTransformation> alias) {
        Tensor p0 = Tensor.of(0.4, -0.8, 1.1).requiresGrad(true);
        boolean ok = GradCheck.gradcheck(in -> {
            // a fresh optimizer per evaluation: trace keeps TorchOpt's first-call flag in the object
            GradientTransformation opt = alias.get();
            List<Tensor> params = List.of(in[0]);
            OptState state = opt.init(params);
            for (int step = 0; step < 2; step++) {
                Tensor g = Autograd.gradOf(loss(params.get(0))).inputs(params.get(0)).createGraph(true).compute()[0];
                GradientTransformation.Update u = opt.update(List.of(g), state, params);
                state = u.state();
                params = Updates.applyUpdates(params, u.updates());
            }
            return loss(params.get(0));
        }, p0);
        assertThat(ok).isTrue();
    }
}
