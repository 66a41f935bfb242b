package dev.metagrad.implicit;

import java.util.List;

/**
 * The optimality condition {@code F(z, args) = 0} that characterises the solution {@code z*} of an inner
 * problem (TorchOpt's {@code optimality_fn}): for a minimisation, the gradient of the inner objective with
 * respect to {@code z}; for a fixed point of {@code T}, the residual {@code z − T(z, args)}.
 *
 * <p>It must be written with differentiable {@link dev.metagrad.autograd.Tensor} ops: {@link Implicit#customRoot}
 * differentiates it with respect to {@code z} and to the arguments named by {@code argnums}. For second-order
 * meta-gradients it must be twice differentiable.
 */
@FunctionalInterface
public interface Optimality {
    /**
     * Evaluates the residual.
     *
     * @param z    the candidate solution, a tree of tensors shaped like the solver's output
     * @param args the solver's arguments after {@code z0}, in call order: {@code args.get(i - 1)} is the
     *             argument TorchOpt calls {@code argnums = i} (the solution counts as argument 0)
     * @return {@code F(z, args)}, a tree with the structure and leaf shapes of {@code z} (the linear system
     *         {@code (∂F/∂z)ᵀ u = −ḡ} must be square)
     */
    Object residual(Object z, List<Object> args);
}
