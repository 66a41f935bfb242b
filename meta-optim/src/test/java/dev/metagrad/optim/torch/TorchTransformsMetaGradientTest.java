package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.nn.Linear;
import dev.metagrad.optim.meta.MetaOptimizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A meta-gradient through two inner steps of a torch.optim algorithm used as a {@link MetaOptimizer} inner optimizer
 * ({@link TorchTransforms#of}): d outer(θ_2) / d θ_0 against central differences. One row per algorithm and
 * options; add rows to {@link #rows()} for new algorithms.
 */
class TorchTransformsMetaGradientTest {
    private static final Tensor X_INNER = Tensor.of(new double[] {0.5, -1.0, 1.5, 0.3, 0.8, -0.4}, 2, 3);
    private static final Tensor Y_INNER = Tensor.of(new double[] {0.2, -0.7, 1.1, 0.4}, 2, 2);
    private static final Tensor X_OUTER = Tensor.of(new double[] {-0.6, 0.9, 0.2, 1.2, -0.3, 0.7}, 2, 3);
    private static final Tensor Y_OUTER = Tensor.of(new double[] {0.5, 0.1, -0.8, 0.6}, 2, 2);

    /** The table: a name, a registered algorithm name and its options. */
    static Stream<Arguments> rows() {
        return Stream.of(
                row("SGD", Options.of("lr", 0.1)),
                row("SGD", Options.of("lr", 0.1, "momentum", 0.9, "dampening", 0.2, "weight_decay", 0.05)),
                row("SGD", Options.of("lr", 0.1, "momentum", 0.8, "nesterov", true)),
                row("SGD", Options.of("lr", 0.05, "momentum", 0.5, "maximize", true)),
                row("Adam", Options.of("lr", 0.05)),
                row("Adam", Options.of("lr", 0.05, "amsgrad", true, "betas", new double[] {0.8, 0.95})),
                row("Adam", Options.of("lr", 0.05, "weight_decay", 0.1)),
                row("Adam", Options.of("lr", 0.05, "weight_decay", 0.1, "decoupled_weight_decay", true, "maximize", true)),
                row("AdamW", Options.of("lr", 0.05)),
                row("AdamW", Options.of("lr", 0.05, "weight_decay", 0.3, "amsgrad", true)),
                row("Adamax", Options.of("lr", 0.05)),
                row("Adamax", Options.of("lr", 0.05, "betas", new double[] {0.8, 0.95}, "weight_decay", 0.1, "maximize", true)),
                row("Adagrad", Options.of("lr", 0.1, "lr_decay", 0.05, "initial_accumulator_value", 0.1)),
                row("Adagrad", Options.of("lr", 0.1, "weight_decay", 0.1, "eps", 1e-3, "maximize", true)),
                row("Adadelta", Options.of("lr", 1.0)),
                row("Adadelta", Options.of("lr", 0.5, "rho", 0.5, "eps", 1e-3, "weight_decay", 0.1, "maximize", true)),
                row("RMSprop", Options.of("lr", 0.01)),
                row("RMSprop", Options.of("lr", 0.01, "centered", true, "momentum", 0.9)),
                row("RMSprop", Options.of("lr", 0.01, "alpha", 0.9, "momentum", 0.5, "weight_decay", 0.1, "maximize", true)),
                // two steps from a fresh state stay in RAdam's un-rectified branch (rho_2 <= 2 for every beta2);
                // RAdamAlgorithmTest checks the derivatives of a rectified step
                row("RAdam", Options.of("lr", 0.05)),
                row("RAdam", Options.of("lr", 0.05, "weight_decay", 0.1)),
                row("RAdam", Options.of("lr", 0.05, "weight_decay", 0.1, "decoupled_weight_decay", true, "maximize", true)),
                row("NAdam", Options.of("lr", 0.05)),
                row("NAdam", Options.of("lr", 0.05, "momentum_decay", 0.1, "weight_decay", 0.1)),
                row("NAdam", Options.of("lr", 0.05, "weight_decay", 0.1, "decoupled_weight_decay", true, "maximize", true)),
                // ax (the averaged iterate) never feeds back into the parameters, so it does not enter this gradient
                row("ASGD", Options.of("lr", 0.05)),
                row("ASGD", Options.of("lr", 0.05, "lambd", 0.1, "t0", 0.0, "weight_decay", 0.1, "maximize", true)),
                // Rprop moves by -sign(g) * step_size with step sizes set by signs only: piecewise constant in the
                // gradient, so d theta_2 / d theta_0 = I (RpropAlgorithmTest checks the value); gradcheck passes
                // because no gradient sign is within the finite-difference step of a flip here
                row("Rprop", Options.of("lr", 0.05)),
                row("Rprop", Options.of("lr", 0.05, "etas", new double[] {0.3, 1.5}, "step_sizes", new double[] {0.01, 0.06},
                        "maximize", true)));
    }

    private static Arguments row(String algorithm, Options options) {
        return Arguments.of(algorithm + " " + options, algorithm, options);
    }

    /** Smooth and not quadratic, so second derivatives of every kind matter. */
    private static Tensor loss(Linear model, Tensor x, Tensor y) {
        Tensor out = model.forward(x);
        return out.sub(y).square().mean().add(out.pow(4).sum().mul(0.05));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void metaGradientThroughTwoInnerStepsPassesGradcheck(String name, String algorithm, Options options) {
        Linear template = new Linear(3, 2, new Generator(7));
        Tensor w0 = template.parameter("weight").detach().requiresGrad(true);
        Tensor b0 = template.parameter("bias").detach().requiresGrad(true);
        boolean ok = GradCheck.gradcheck(in -> {
            Linear model = new Linear(3, 2, new Generator(7));
            model.setParameter("weight", in[0]);
            model.setParameter("bias", in[1]);
            MetaOptimizer inner = new MetaOptimizer(model, TorchTransforms.of(algorithm, options));
            for (int step = 0; step < 2; step++) {
                inner.step(loss(model, X_INNER, Y_INNER));
            }
            return loss(model, X_OUTER, Y_OUTER);
        }, w0, b0);
        assertThat(ok).isTrue();
    }
}
