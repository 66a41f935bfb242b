/**
 * Zero-order (black-box) gradient estimation, after {@code torchopt.diff.zero_order}: {@link
 * dev.metagrad.zeroorder.ZeroOrder#zeroOrder} wraps a scalar function of tensors so that its output
 * carries Monte-Carlo gradient estimates (naive, forward, antithetic; see {@link
 * dev.metagrad.zeroorder.Method}) into the autograd graph, and {@link
 * dev.metagrad.zeroorder.ZeroOrderGradientModule} is the object-oriented form. Noise comes from a {@link
 * dev.metagrad.zeroorder.Samplable}.
 */
package dev.metagrad.zeroorder;
