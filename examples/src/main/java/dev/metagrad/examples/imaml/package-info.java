/**
 * Implicit MAML (Rajeswaran et al. 2019) on sinusoid regression: the proximal task adaptation differentiated
 * by {@link dev.metagrad.implicit.Implicit#customRoot} ({@link dev.metagrad.examples.imaml.ProximalAdaptation}),
 * the meta-gradient over a batch ({@link dev.metagrad.examples.imaml.ImamlLearner}) and the {@code imaml-sine}
 * command ({@link dev.metagrad.examples.imaml.ImamlSineCommand}); tasks, model, plot and outer Adam come from
 * {@link dev.metagrad.examples.maml}.
 */
package dev.metagrad.examples.imaml;
