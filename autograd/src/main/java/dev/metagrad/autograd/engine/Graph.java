package dev.metagrad.autograd.engine;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;

/**
 * Records ops into the autograd graph. Every differentiable op ends with
 * <pre>{@code return Graph.record("tanh", y, g -> new Tensor[] {g.mul(y.square().rsub(1.0))}, x);}</pre>
 * A node is attached only while grad mode is enabled and some input requires grad, so ops under
 * {@link GradMode#noGrad()} or on constants cost nothing extra.
 */
public final class Graph {
    private Graph() {
    }

    /**
     * Attaches a node computing {@code backward} to {@code output}, a fresh tensor the op just produced.
     *
     * @return {@code output}, now requiring grad if any input does
     */
    public static Tensor record(String name, Tensor output, Backward backward, Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return output;
        }
        for (Tensor in : inputs) {
            if (in != null && in.requiresGrad()) {
                output.attachGradFn(new Node(name, output.shape(), inputs, backward));
                return output;
            }
        }
        return output;
    }

    /** Whether an op over these inputs would be recorded now. */
    public static boolean isRecording(Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return false;
        }
        for (Tensor in : inputs) {
            if (in != null && in.requiresGrad()) {
                return true;
            }
        }
        return false;
    }
}
