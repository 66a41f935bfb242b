/**
 * Gradient transformations in the style of optax/TorchOpt: a {@link dev.metagrad.optim.GradientTransformation}
 * maps {@code (updates, state, params)} to {@code (newUpdates, newState)}; {@link dev.metagrad.optim.Transforms}
 * holds the building blocks, {@link dev.metagrad.optim.Alias} the ready-made optimizers (sgd, adam, ...),
 * {@link dev.metagrad.optim.Schedules} the step-size schedules, and {@link dev.metagrad.optim.Updates} applies
 * updates to parameters ({@code p + u}).
 *
 * <p>All arithmetic uses differentiable {@link dev.metagrad.autograd.Tensor} ops, so a whole optimizer step can
 * be differentiated again (meta-gradients, learned learning rates).
 */
package dev.metagrad.optim;
