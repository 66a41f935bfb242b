package dev.metagrad.implicit;

import java.util.List;

/**
 * A map {@code T(z, args)} whose fixed point {@code z* = T(z*, args)} an inner solver finds (JAXopt's
 * {@code fixed_point_fun}); {@link Implicit#customFixedPoint} differentiates the fixed point through the
 * optimality residual {@code F(z, args) = z − T(z, args)}. Written with differentiable tensor ops.
 */
@FunctionalInterface
public interface FixedPointMap {
    /**
     * Applies the map once.
     *
     * @param z    the current iterate, a tree of tensors
     * @param args the solver's arguments after {@code z0} ({@code args.get(i - 1)} is argument {@code i})
     * @return {@code T(z, args)}, a tree with the structure and leaf shapes of {@code z}
     */
    Object apply(Object z, List<Object> args);
}
