/**
 * The {@code metagrad} command line ({@link dev.metagrad.examples.Main}) and runnable examples. The
 * {@code ./metagrad} launcher at the repository root builds and runs the shaded jar of this module.
 */
package dev.metagrad.examples;
