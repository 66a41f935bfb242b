/**
 * The {@code torch.optim} family with torch's names, defaults and semantics: the {@link
 * dev.metagrad.optim.torch.Optimizer} base (param groups with per-group {@link dev.metagrad.optim.torch.Options},
 * {@code zeroGrad}, {@code step(closure)}, state dicts in torch's layout saved to and loaded from disk, hooks),
 * per-parameter {@link dev.metagrad.optim.torch.Algorithm}s run by {@link dev.metagrad.optim.torch.AlgorithmOptimizer}
 * (classes {@link dev.metagrad.optim.torch.SGD}, ...), the registries {@link dev.metagrad.optim.torch.Algorithms}
 * and {@link dev.metagrad.optim.torch.Optimizers}, {@link dev.metagrad.optim.torch.TorchTransforms} (every algorithm
 * as a differentiable {@code GradientTransformation}) and {@link dev.metagrad.optim.torch.OptimizerStub}.
 */
package dev.metagrad.optim.torch;
