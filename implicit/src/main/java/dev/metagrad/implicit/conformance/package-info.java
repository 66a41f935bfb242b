/**
 * {@code TorchOptKind} services that run the {@code torchopt.json} kinds implemented in or before this module.
 */
package dev.metagrad.implicit.conformance;
