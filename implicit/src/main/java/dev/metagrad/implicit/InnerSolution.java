package dev.metagrad.implicit;

import dev.metagrad.autograd.Tensor;

import java.util.Map;

/**
 * What {@link ImplicitMetaGradientModule#call} returns: the optimal inner parameters, whose gradients with
 * respect to the meta-parameters come from implicit differentiation, and the value the module's
 * {@code solve} returned.
 *
 * @param parameters the inner parameters by name, in {@code namedParameters()} order (also installed in the module)
 * @param output     what {@code solve} returned (may be null), unchanged; it is not connected to the meta-parameters
 *                   (solve ran on detached copies of them)
 */
public record InnerSolution(Map<String, Tensor> parameters, Object output) {
    /** Copies the map (unmodifiable, same order). */
    public InnerSolution {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
