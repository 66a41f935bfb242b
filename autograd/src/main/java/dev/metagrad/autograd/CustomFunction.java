package dev.metagrad.autograd;

import dev.metagrad.autograd.engine.Graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user-defined differentiable function (torch.autograd.Function): a forward computed without
 * recording, and a backward giving one gradient per input. When {@link #backward} is written with
 * {@link Tensor} ops, the function is differentiable to any order; with raw arrays it is first-order only.
 * <pre>{@code
 * class Cube extends CustomFunction {
 *     protected Tensor forward(Context ctx, Tensor... in) { ctx.save(in[0]); return in[0].pow(3); }
 *     protected Tensor[] backward(Context ctx, Tensor g) {
 *         Tensor x = ctx.saved(0);
 *         return new Tensor[] {g.mul(x.square().mul(3))};
 *     }
 * }
 * Tensor y = new Cube().apply(x);
 * }</pre>
 */
public abstract class CustomFunction {
    /** Per-call storage shared by forward and backward. */
    public static final class Context {
        private final List<Tensor> saved = new ArrayList<>();
        private final Map<String, Object> values = new HashMap<>();
        private boolean[] needsInputGrad;

        /** Saves tensors for the backward (torch's {@code save_for_backward}). */
        public void save(Tensor... tensors) {
            saved.addAll(List.of(tensors));
        }

        /** The i-th saved tensor. */
        public Tensor saved(int i) {
            return saved.get(i);
        }

        /** Stores a non-tensor value for the backward. */
        public void put(String key, Object value) {
            values.put(key, value);
        }

        /** A value stored with {@link #put}. */
        @SuppressWarnings("unchecked")
        public <T> T get(String key) {
            return (T) values.get(key);
        }

        /** Whether input i requires grad (the backward may return null for it when not). */
        public boolean needsInputGrad(int i) {
            return needsInputGrad[i];
        }
    }

    /** The name shown for this function's graph nodes; the class's simple name by default. */
    protected String name() {
        return getClass().getSimpleName().isEmpty() ? "CustomFunction" : getClass().getSimpleName();
    }

    /** Computes the output; runs with recording disabled. Save what the backward needs in {@code ctx}. */
    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /** Gradients with respect to each input (null for non-differentiable ones), given dL/d(output). */
    protected abstract Tensor[] backward(Context ctx, Tensor gradOutput);

    /**
     * Runs the function, recording a node whose backward calls {@link #backward}.
     *
     * @throws IllegalStateException when backward returns a wrong number of gradients
     */
    public final Tensor apply(Tensor... inputs) {
        Context ctx = new Context();
        ctx.needsInputGrad = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            ctx.needsInputGrad[i] = inputs[i] != null && inputs[i].requiresGrad();
        }
        Tensor out;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            out = forward(ctx, inputs);
        }
        // a fresh tensor, so that returning an input unchanged never attaches a node to that input
        Tensor result = Tensor.wrap(out.storage(), out.shape());
        return Graph.record(name(), result, g -> {
            Tensor[] gs = backward(ctx, g);
            if (gs.length != inputs.length) {
                throw new IllegalStateException(name() + ".backward returned " + gs.length + " gradients for "
                        + inputs.length + " inputs");
            }
            return gs;
        }, inputs.clone());
    }
}
