/**
 * Weight initialisations of {@code torch.nn.init} ({@link dev.metagrad.nn.init.Init}) with torch's formulas,
 * fans and gains, returning new tensors drawn from an explicit generator.
 */
package dev.metagrad.nn.init;
