/**
 * {@code torch.optim.lr_scheduler} and {@code SWALR} with torch 2.x semantics: {@link
 * dev.metagrad.optim.torch.lr.LRScheduler} (initial step, chainable {@code getLr}, closed forms for
 * {@link dev.metagrad.optim.torch.lr.SequentialLR}), the fifteen torch schedulers and
 * {@link dev.metagrad.optim.torch.lr.SWALR}. Schedulers read and write the options of an
 * {@link dev.metagrad.optim.torch.Optimizer}'s param groups ({@code "lr"}, {@code "initial_lr"}, momentum or
 * {@code betas[0]}, ...); a constructor or step that throws changes nothing. Warnings (call order) go to
 * {@link dev.metagrad.optim.torch.lr.SchedulerWarnings}.
 */
package dev.metagrad.optim.torch.lr;
