/**
 * Differentiable (meta-) optimizers in TorchOpt's object style: {@link dev.metagrad.optim.meta.MetaOptimizer}
 * replaces a module's parameters by non-leaf tensors after every step, so an outer loss differentiates
 * through the whole inner loop; {@code MetaSGD}, {@code MetaAdam}, ... fix the transformation.
 */
package dev.metagrad.optim.meta;
