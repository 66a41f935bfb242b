/**
 * Gradient transformations in the style of optax/TorchOpt ({@code init}/{@code update}, {@code chain}),
 * differentiable meta-optimizers ({@code MetaSGD}, {@code MetaAdam}, ...), classic in-place optimizers with
 * param groups, LR schedulers and SWA/EMA. Arrives with the meta-optim issue; nothing lives here yet.
 */
package dev.metagrad.optim;
