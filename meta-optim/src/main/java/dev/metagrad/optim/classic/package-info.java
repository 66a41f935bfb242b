/**
 * Classic, {@code torch.optim}-style optimizers driven by accumulated {@code grad()}s: TorchOpt's
 * {@code torchopt.Optimizer} and its {@code SGD}, {@code Adam}, ... subclasses. See
 * {@link dev.metagrad.optim.classic.Optimizer} for how updates replace the immutable parameter tensors.
 */
package dev.metagrad.optim.classic;
