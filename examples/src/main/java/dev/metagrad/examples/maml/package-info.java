/**
 * MAML on sinusoid regression (Finn et al. 2017): the task sampler ({@link dev.metagrad.examples.maml.SineTaskSampler}),
 * the functional MLP ({@link dev.metagrad.examples.maml.SineModel}), the inner loop
 * ({@link dev.metagrad.examples.maml.InnerLoop}), the threaded meta-gradient
 * ({@link dev.metagrad.examples.maml.MetaLearner}), the outer loop ({@link dev.metagrad.examples.maml.MetaTrainer}),
 * the {@code maml-sine} command ({@link dev.metagrad.examples.maml.MamlSineCommand}) and the {@code maml-sine}
 * conformance suite ({@link dev.metagrad.examples.maml.MamlSineSuite}, FORMAT-maml.md).
 */
package dev.metagrad.examples.maml;
