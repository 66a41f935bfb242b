/**
 * Golden-case runner for {@code torchopt.json} kind {@code linear_solve}; the conformance suite reaches it
 * through the implicit module's {@code TorchOptKind} service.
 */
package dev.metagrad.linearsolve.conformance;
