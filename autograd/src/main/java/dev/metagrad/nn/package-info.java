/**
 * Neural-network building blocks in the manner of {@code torch.nn}, made for meta-learning: a model can
 * be run with parameters other than its own, including non-leaf tensors produced by inner optimisation
 * steps, without being changed.
 *
 * <ul>
 *   <li>{@link dev.metagrad.nn.Module}: named parameters, buffers and submodules with torch's dotted names,
 *       training mode, {@code stateDict}/{@code loadStateDict}, parameter replacement.</li>
 *   <li>{@link dev.metagrad.nn.Params}: the resolver every forward pass reads its tensors through.</li>
 *   <li>{@link dev.metagrad.nn.Functional}: {@code torch.func.functional_call}; buffer updates of the call
 *       come back in a {@link dev.metagrad.nn.FunctionalResult} instead of being written.</li>
 *   <li>Layers with torch's default initialisation from an explicit {@link dev.metagrad.autograd.Generator}:
 *       {@link dev.metagrad.nn.Linear}, {@link dev.metagrad.nn.Conv2d}, {@link dev.metagrad.nn.BatchNorm1d},
 *       {@link dev.metagrad.nn.BatchNorm2d}, {@link dev.metagrad.nn.LayerNorm}, pooling, {@link dev.metagrad.nn.Flatten},
 *       {@link dev.metagrad.nn.Dropout}, activations, {@link dev.metagrad.nn.Sequential} and the
 *       {@link dev.metagrad.nn.Mlp} builder.</li>
 * </ul>
 * Initialisations are in {@code dev.metagrad.nn.init}, loss objects in {@code dev.metagrad.nn.loss}.
 */
package dev.metagrad.nn;
