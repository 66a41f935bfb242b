/**
 * The building blocks of the optimizers, one class per TorchOpt transformation. Use them through
 * {@link dev.metagrad.optim.Transforms}; each class documents its update equation, per leaf, with {@code g}
 * the incoming update and {@code p} the parameter.
 */
package dev.metagrad.optim.transform;
