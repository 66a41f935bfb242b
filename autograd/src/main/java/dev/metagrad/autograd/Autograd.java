package dev.metagrad.autograd;

import dev.metagrad.autograd.engine.Engine;

import java.util.List;

/**
 * Entry points of reverse-mode differentiation, with {@code torch.autograd.grad} and
 * {@code torch.autograd.backward} semantics:
 * <pre>{@code
 * Tensor[] g = Autograd.grad(loss, x);                              // first order
 * Tensor[] g1 = Autograd.gradOf(y).inputs(x).createGraph(true).compute();
 * Tensor[] g2 = Autograd.grad(g1[0].sum(), x);                      // second order
 * }</pre>
 * {@code retainGraph} defaults to {@code createGraph}, as in torch.
 */
public final class Autograd {
    private Autograd() {
    }

    /** Gradients of a single-element {@code output} with respect to {@code inputs}; frees the graph. */
    public static Tensor[] grad(Tensor output, Tensor... inputs) {
        return gradOf(output).inputs(inputs).compute();
    }

    /** Starts a {@code grad} call over the given outputs; set inputs and options, then {@link GradCall#compute()}. */
    public static GradCall gradOf(Tensor... outputs) {
        return new GradCall(outputs, false);
    }

    /** Starts a {@code backward} call that accumulates into leaves' {@link Tensor#grad()}. */
    public static BackwardCall backward(Tensor... outputs) {
        return new BackwardCall(outputs);
    }

    /** Options of a {@code grad} call (torch.autograd.grad keywords). */
    public static final class GradCall {
        private final Tensor[] outputs;
        private Tensor[] inputs = new Tensor[0];
        private Tensor[] gradOutputs;
        private Boolean retainGraph;
        private boolean createGraph;
        private boolean allowUnused;
        private boolean materializeGrads;

        private GradCall(Tensor[] outputs, boolean unused) {
            this.outputs = outputs.clone();
        }

        /** The tensors to differentiate with respect to. */
        public GradCall inputs(Tensor... in) {
            this.inputs = in.clone();
            return this;
        }

        /** The tensors to differentiate with respect to. */
        public GradCall inputs(List<Tensor> in) {
            return inputs(in.toArray(new Tensor[0]));
        }

        /** Seed gradients (vector-Jacobian products), one per output; required for multi-element outputs. */
        public GradCall gradOutputs(Tensor... seeds) {
            this.gradOutputs = seeds.clone();
            return this;
        }

        /** Keep the graph's saved tensors after this call (default: same as createGraph). */
        public GradCall retainGraph(boolean value) {
            this.retainGraph = value;
            return this;
        }

        /** Record the backward pass so the gradients can be differentiated again. */
        public GradCall createGraph(boolean value) {
            this.createGraph = value;
            return this;
        }

        /** Return null instead of failing for inputs the outputs do not depend on. */
        public GradCall allowUnused(boolean value) {
            this.allowUnused = value;
            return this;
        }

        /** Return zeros instead of null for unused inputs (implies allowUnused). */
        public GradCall materializeGrads(boolean value) {
            this.materializeGrads = value;
            return this;
        }

        /**
         * Runs the backward pass.
         *
         * @return one gradient per input, shaped like it
         * @throws IllegalArgumentException for a multi-element output without gradOutputs, an input that
         *                                  does not require grad or is unused (unless allowUnused)
         * @throws IllegalStateException    when the graph was freed by an earlier backward
         */
        public Tensor[] compute() {
            if (inputs.length == 0) {
                throw new IllegalArgumentException("grad: no inputs given; name the tensors to differentiate with respect to");
            }
            boolean retain = retainGraph != null ? retainGraph : createGraph;
            return Engine.run(outputs, gradOutputs, inputs, retain, createGraph, allowUnused || materializeGrads,
                    materializeGrads, false);
        }
    }

    /** Options of a {@code backward} call (torch.autograd.backward keywords). */
    public static final class BackwardCall {
        private final Tensor[] outputs;
        private Tensor[] inputs;
        private Tensor[] gradOutputs;
        private Boolean retainGraph;
        private boolean createGraph;

        private BackwardCall(Tensor[] outputs) {
            this.outputs = outputs.clone();
        }

        /** Accumulate only into these tensors' grads (torch's {@code inputs=}). */
        public BackwardCall inputs(Tensor... in) {
            this.inputs = in.clone();
            return this;
        }

        /** Seed gradients, one per output. */
        public BackwardCall gradOutputs(Tensor... seeds) {
            this.gradOutputs = seeds.clone();
            return this;
        }

        /** Keep the graph for another backward (default: same as createGraph). */
        public BackwardCall retainGraph(boolean value) {
            this.retainGraph = value;
            return this;
        }

        /** Record the backward so accumulated grads are differentiable. */
        public BackwardCall createGraph(boolean value) {
            this.createGraph = value;
            return this;
        }

        /**
         * Runs the pass, accumulating into {@link Tensor#grad()}. As in torch, an input the outputs do not
         * reach keeps its grad unchanged; an input that does not require grad is an error.
         *
         * @throws IllegalArgumentException when an input does not require grad
         */
        public void run() {
            boolean retain = retainGraph != null ? retainGraph : createGraph;
            if (inputs != null) {
                for (int i = 0; i < inputs.length; i++) {
                    if (!inputs[i].requiresGrad()) {
                        throw new IllegalArgumentException("backward: input " + i + " (shape " + Shape.str(inputs[i].shape())
                                + ") does not require grad; call requiresGrad(true) on it");
                    }
                }
            }
            Engine.run(outputs, gradOutputs, inputs, retain, createGraph, true, false, true);
        }
    }
}
