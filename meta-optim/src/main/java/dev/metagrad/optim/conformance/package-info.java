/**
 * The {@code torchopt} golden suite (FORMAT-torchopt.md): runs the bundled {@code torchopt.json} cases of kinds
 * {@code alias}, {@code schedule} and {@code transform} against this module; found by the conformance runner
 * through {@link java.util.ServiceLoader}.
 */
package dev.metagrad.optim.conformance;
