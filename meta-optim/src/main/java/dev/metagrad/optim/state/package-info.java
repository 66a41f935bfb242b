/**
 * The immutable states of the gradient transformations. Field names follow TorchOpt's state classes
 * (FORMAT-torchopt.md section 4.2): moment trees are shaped like the parameters, per-leaf step counts are
 * trees of 0-dim int64 tensors.
 */
package dev.metagrad.optim.state;
