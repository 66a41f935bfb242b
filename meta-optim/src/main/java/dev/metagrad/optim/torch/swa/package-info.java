/**
 * Weight averaging, {@code torch.optim.swa_utils}: {@link dev.metagrad.optim.torch.swa.AveragedModel} (SWA and
 * EMA averages of a module's weights), {@link dev.metagrad.optim.torch.swa.AveragedParameters} (the same over a
 * plain list of tensors), the averaging rules of {@link dev.metagrad.optim.torch.swa.AveragingFunctions}, and
 * {@link dev.metagrad.optim.torch.swa.BatchNormUpdate#updateBn} to recompute batch-norm statistics for the
 * averaged weights. The SWA learning-rate schedule ({@code SWALR}) is with the other schedulers in
 * {@code dev.metagrad.optim.torch.lr}.
 */
package dev.metagrad.optim.torch.swa;
