/**
 * Hyper-parameter learning by implicit differentiation: per-feature L2 penalties tuned on validation data
 * through {@link dev.metagrad.implicit.Implicit#customRoot}, for ridge regression
 * ({@link dev.metagrad.examples.hyper.RidgeHyperProblem}, {@code metagrad ridge-hyper}) and logistic
 * regression ({@link dev.metagrad.examples.hyper.LogisticHyperProblem}, {@code metagrad logistic-hyper});
 * {@link dev.metagrad.examples.hyper.HyperTrainer} runs the outer Adam loop and
 * {@link dev.metagrad.examples.hyper.HyperCommand} the commands.
 */
package dev.metagrad.examples.hyper;
