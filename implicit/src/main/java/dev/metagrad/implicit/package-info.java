/**
 * Implicit differentiation (TorchOpt's {@code torchopt.diff.implicit}, JAXopt's implicit diff): gradients of
 * the solution {@code z*(θ)} of an inner problem from its optimality condition {@code F(z*, θ) = 0} and one
 * linear solve, whatever the inner solver did.
 * <ul>
 *   <li>{@link dev.metagrad.implicit.Implicit#customRoot} / {@link dev.metagrad.implicit.Implicit#customFixedPoint}
 *       wrap an {@link dev.metagrad.implicit.InnerSolver} into a {@link dev.metagrad.implicit.RootSolver};</li>
 *   <li>{@link dev.metagrad.implicit.CustomRootOptions}: argnums, hasAux, the linear solver and how its
 *       convergence is reported;</li>
 *   <li>{@link dev.metagrad.implicit.ImplicitMetaGradientModule}: a module with inner parameters solved by
 *       {@code solve}, meta-parameters, {@code objective} and {@code optimality}.</li>
 * </ul>
 */
package dev.metagrad.implicit;
