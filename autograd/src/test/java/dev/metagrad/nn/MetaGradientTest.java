package dev.metagrad.nn;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.autograd.check.TensorFunction;
import dev.metagrad.nn.loss.Loss;
import dev.metagrad.nn.loss.MSELoss;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differentiating through inner optimisation steps taken with {@link Functional} calls (MAML): the
 * gradients of the outer loss with respect to the initial parameters, second-order terms included, agree
 * with finite differences.
 */
class MetaGradientTest {
    private static final Loss MSE = new MSELoss();
    private static final double ALPHA = 0.1;

    private final Generator data = new Generator(2024);
    private final Tensor xSupport = Tensor.randn(data, 5, 2);
    private final Tensor ySupport = Tensor.randn(data, 5, 1);
    private final Tensor xQuery = Tensor.randn(data, 4, 2);
    private final Tensor yQuery = Tensor.randn(data, 4, 1);

    /** {@code theta - alpha * grad L(theta)}, recorded so the step itself can be differentiated. */
    private static Map<String, Tensor> sgdStep(Module model, Map<String, Tensor> theta, Tensor x, Tensor y,
                                               boolean createGraph) {
        Tensor loss = MSE.forward(Functional.call(model, theta, x), y);
        Tensor[] g = Autograd.gradOf(loss).inputs(new ArrayList<>(theta.values())).createGraph(createGraph).compute();
        Map<String, Tensor> next = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Tensor> e : theta.entrySet()) {
            next.put(e.getKey(), e.getValue().sub(g[i++].mul(ALPHA)));
        }
        return next;
    }

    /** The outer loss after {@code steps} inner SGD steps, as a function of the initial parameters. */
    private TensorFunction outerLoss(Module model, int steps) {
        return theta -> {
            Map<String, Tensor> params = named(model, theta);
            for (int s = 0; s < steps; s++) {
                params = sgdStep(model, params, xSupport, ySupport, true);
            }
            return MSE.forward(Functional.call(model, params, xQuery), yQuery);
        };
    }

    /** {@code theta} under the module's parameter names, in order. */
    private static Map<String, Tensor> named(Module model, Tensor[] theta) {
        List<String> names = new ArrayList<>(model.namedParameters().keySet());
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), theta[i]);
        }
        return params;
    }

    /** Fresh leaves with the values of the module's parameters: the gradcheck inputs. */
    private static Tensor[] leavesOf(Module model) {
        return model.parameters().stream().map(p -> p.detach().requiresGrad(true)).toArray(Tensor[]::new);
    }

    @Test
    void secondOrderGradientThroughTwoInnerSgdStepsPassesGradcheck() {
        Sequential model = Mlp.builder().sizes(2, 4, 1).activation(Tanh::new).generator(new Generator(1)).build();
        Map<String, double[]> before = new LinkedHashMap<>();
        model.namedParameters().forEach((k, v) -> before.put(k, v.toDoubleArray()));

        assertThat(GradCheck.gradcheck(outerLoss(model, 2), leavesOf(model))).isTrue();

        model.namedParameters().forEach((k, v) -> assertThat(v.toDoubleArray()).as(k).containsExactly(before.get(k)));
        assertThat(model.parameters()).allMatch(p -> p.isLeaf() && p.grad() == null);
    }

    @Test
    void theSecondOrderTermsMatter() {
        Sequential model = Mlp.builder().sizes(2, 4, 1).activation(Tanh::new).generator(new Generator(1)).build();
        Tensor[] theta = leavesOf(model);
        Tensor[] full = Autograd.grad(outerLoss(model, 2).apply(theta), theta);

        // first-order MAML: without createGraph the inner gradients are constants, so d(theta2)/d(theta) = I
        Map<String, Tensor> params = named(model, theta);
        for (int s = 0; s < 2; s++) {
            params = sgdStep(model, params, xSupport, ySupport, false);
        }
        Tensor[] firstOrder = Autograd.grad(MSE.forward(Functional.call(model, params, xQuery), yQuery), theta);

        double difference = 0;
        for (int i = 0; i < theta.length; i++) {
            difference += full[i].sub(firstOrder[i]).abs().sum().item();
        }
        assertThat(difference).isGreaterThan(1e-4);
    }

    @Test
    void gradgradcheckOfOneInnerStep() {
        Sequential model = Mlp.builder().sizes(2, 2, 1).activation(Tanh::new).generator(new Generator(3)).build();
        assertThat(GradCheck.gradgradcheck(outerLoss(model, 1), leavesOf(model))).isTrue();
    }

    /** Conv2d -> BatchNorm2d -> Tanh -> AvgPool2d -> Flatten -> Linear: 4x4 single-channel images to a score. */
    private static Sequential convNet() {
        Generator rng = new Generator(5);
        return new Sequential(Conv2d.builder(1, 2, 3).padding(1).generator(rng).build(), new BatchNorm2d(2), new Tanh(),
                new AvgPool2d(2), new Flatten(), new Linear(8, 1, rng));
    }

    @Test
    void convBatchNormModelInTrainingModePassesGradcheckThroughAFunctionalCall() {
        Sequential model = convNet();
        Tensor images = Tensor.randn(new Generator(6), 3, 1, 4, 4);
        int n = model.parameters().size();
        TensorFunction f = in -> Functional.call(model, List.of(in).subList(0, n), in[n]).square().sum();
        Tensor[] inputs = new Tensor[n + 1];
        System.arraycopy(leavesOf(model), 0, inputs, 0, n);
        inputs[n] = images.requiresGrad(true);

        assertThat(GradCheck.gradcheck(f, inputs)).isTrue();
        assertThat(model.buffer("1.num_batches_tracked").toLongArray()).as("functional calls never store statistics")
                .containsExactly(0);
    }

    @Test
    void convBatchNormModelInEvaluationModeIsDifferentiableInTheSubstitutedRunningStatistics() {
        Sequential model = convNet();
        model.eval();
        Tensor images = Tensor.randn(new Generator(7), 2, 1, 4, 4);
        TensorFunction f = in -> Functional.call(model, Map.of("0.weight", in[0], "1.running_mean", in[1],
                "1.running_var", in[2]), images).sum();
        Tensor weight = model.parameter("0.weight").detach().requiresGrad(true);
        Tensor mean = Tensor.of(0.1, -0.2).requiresGrad(true);
        Tensor var = Tensor.of(0.8, 1.3).requiresGrad(true);
        assertThat(GradCheck.gradcheck(f, weight, mean, var)).isTrue();
        assertThat(GradCheck.gradgradcheck(f, weight, mean, var)).isTrue();
    }

    @Test
    void mamlThroughABatchNormModelPassesGradcheck() {
        Sequential model = convNet();
        Tensor images = Tensor.randn(new Generator(8), 3, 1, 4, 4);
        Tensor targets = Tensor.randn(new Generator(9), 3, 1);
        TensorFunction outer = theta -> {
            Map<String, Tensor> adapted = sgdStep(model, named(model, theta), images, targets, true);
            return MSE.forward(Functional.call(model, adapted, images.mul(0.5)), targets);
        };
        assertThat(GradCheck.gradcheck(outer, leavesOf(model))).isTrue();
    }
}
