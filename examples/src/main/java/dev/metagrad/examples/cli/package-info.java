/**
 * Command-line option parsing shared by the example commands: {@link dev.metagrad.examples.cli.CommandLine}
 * and {@link dev.metagrad.examples.cli.UsageException}.
 */
package dev.metagrad.examples.cli;
