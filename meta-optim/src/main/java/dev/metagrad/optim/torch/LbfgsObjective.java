package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.Objects;
import java.util.function.Function;

/**
 * The function L-BFGS minimizes, seen on the flat parameter vector: {@code x ↦ (f(x), ∇f(x))}. The classic
 * {@link LBFGS} optimizer builds one from its closure; {@link LbfgsFunctional} takes one directly.
 */
@FunctionalInterface
public interface LbfgsObjective {
    /**
     * Evaluates f and its gradient at {@code x}.
     *
     * @param x flat point (a vector)
     * @return f(x) and ∇f(x)
     */
    LbfgsEvaluation evaluate(Tensor x);

    /**
     * The objective of a scalar function, its gradient taken by autograd. With {@code createGraph} the gradient
     * is itself differentiable, which is what a meta-gradient through L-BFGS steps needs (f may then close over
     * tensors that require grad, such as hyperparameters); without it, loss and gradient are detached.
     *
     * @param f           x ↦ f(x), a one-element tensor
     * @param createGraph record the gradient computation (differentiable L-BFGS)
     * @throws IllegalArgumentException (on evaluation) when f does not return a one-element tensor
     */
    static LbfgsObjective of(Function<Tensor, Tensor> f, boolean createGraph) {
        Objects.requireNonNull(f, "f");
        return x -> {
            // like torch's LBFGS, which wraps its closure in enable_grad: the step itself may run in no-grad
            try (GradMode.Scope scope = GradMode.enableGrad()) {
                // without createGraph x is cut from its history; else a graph-free x gets a leaf of its own
                Tensor in = createGraph && x.requiresGrad() ? x : x.detach().requiresGrad(true);
                Tensor loss = f.apply(in);
                if (loss == null || loss.numel() != 1) {
                    throw new IllegalArgumentException("LbfgsObjective: f must return a one-element loss, got "
                            + (loss == null ? "null" : "shape " + Shape.str(loss.shape())));
                }
                if (!loss.requiresGrad()) {
                    return new LbfgsEvaluation(loss, Tensor.zerosLike(x));
                }
                Tensor g = Autograd.gradOf(loss).inputs(in).createGraph(createGraph).materializeGrads(true).compute()[0];
                return createGraph ? new LbfgsEvaluation(loss, g) : new LbfgsEvaluation(loss.detach(), g.detach());
            }
        };
    }
}
