package dev.metagrad.optim;

/**
 * Something that holds tensors which may carry autograd history and can cut it in place of its own
 * references: a meta-optimizer's state, a module's parameters. {@code stopGradient} on such an object
 * makes every tensor it holds a leaf (TorchOpt's {@code stop_gradient}), so a long meta-training loop can
 * truncate the graph between outer steps without keeping old graphs alive.
 */
public interface Detachable {
    /** Replaces every held tensor by its detached version; values are unchanged. */
    void stopGradient();
}
