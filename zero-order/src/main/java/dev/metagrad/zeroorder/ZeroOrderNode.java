package dev.metagrad.zeroorder;

import dev.metagrad.autograd.CustomFunction;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.TensorFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * The graph node of a zero-order function: forward evaluates f, backward draws the noise and returns
 * {@code γ · estimate_j} for each differentiated argument (null for the others). The estimate itself is
 * a constant of the graph; only γ stays differentiable.
 */
final class ZeroOrderNode extends CustomFunction {
    private final ZeroOrder config;
    private final TensorFunction f;

    ZeroOrderNode(ZeroOrder config, TensorFunction f) {
        this.config = config;
        this.f = f;
    }

    @Override
    protected String name() {
        return "ZeroOrder" + config.method().name().charAt(0) + config.method().name().substring(1).toLowerCase();
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        config.checkArgnums(inputs);
        Tensor[] detached = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            detached[i] = inputs[i] == null ? null : inputs[i].detach();
        }
        Tensor out = f.apply(detached);
        double value = Estimator.evaluate(x -> out, detached);
        ctx.put("inputs", detached);
        ctx.put("value", value);
        return out;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor[] inputs = ctx.get("inputs");
        int[] argnums = config.argnums();
        Tensor[] grads = new Tensor[inputs.length];
        boolean any = false;
        for (int a : argnums) {
            any |= ctx.needsInputGrad(a);
        }
        if (!any) {
            return grads;
        }
        // all noise is drawn here, on one thread, before any evaluation, so threads cannot change the draws
        int[][] shapes = new int[argnums.length][];
        for (int j = 0; j < argnums.length; j++) {
            shapes[j] = inputs[argnums[j]].shape();
        }
        Tensor[][] drawn = config.distribution().sampleAll(config.numSamples(), shapes, config.generator());
        List<Tensor[]> noises = new ArrayList<>(config.numSamples());
        for (int k = 0; k < config.numSamples(); k++) {
            for (int j = 0; j < argnums.length; j++) {
                ZeroOrder.checkDraw(drawn[k][j], shapes[j]);
            }
            noises.add(drawn[k]);
        }
        Tensor[] estimates = Estimator.estimate(f, inputs, argnums, config.method(), config.sigma(), noises,
                ctx.<Double>get("value"), config.threads());
        // sum() makes γ a 0-dim scalar, so an output of shape [1] does not broadcast a 0-dim argument to [1]
        Tensor gamma = gradOutput.sum();
        for (int j = 0; j < argnums.length; j++) {
            if (ctx.needsInputGrad(argnums[j])) {
                grads[argnums[j]] = gamma.mul(estimates[j]);
            }
        }
        return grads;
    }
}
