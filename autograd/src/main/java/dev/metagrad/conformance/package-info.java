/**
 * Golden conformance checks against reference data produced with PyTorch (see
 * {@code dev/metagrad/golden/FORMAT.md} on the classpath).
 *
 * <p>{@link dev.metagrad.conformance.ConformanceRunner} loads golden files, picks the
 * {@link dev.metagrad.conformance.ConformanceSuite} named by each file's {@code "suite"} field (suites are
 * found with {@link java.util.ServiceLoader}, so other modules add theirs), runs the cases and reports one
 * line per failure. This module provides the {@code autograd-ops} suite
 * ({@link dev.metagrad.conformance.AutogradOpsSuite}), whose op vocabulary is
 * {@link dev.metagrad.conformance.AutogradOps}; the files are read with the dependency-free
 * {@link dev.metagrad.json.Json}.
 */
package dev.metagrad.conformance;
