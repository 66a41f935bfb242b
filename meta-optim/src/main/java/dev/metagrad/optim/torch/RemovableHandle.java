package dev.metagrad.optim.torch;

/**
 * What registering a hook returns ({@code torch.utils.hooks.RemovableHandle}): {@link #remove()} unregisters
 * the hook. Removing twice is harmless.
 */
@FunctionalInterface
public interface RemovableHandle extends AutoCloseable {
    /** Unregisters the hook; does nothing when it was removed already. */
    void remove();

    /** {@link #remove()}, so a hook can live for the extent of a try-with-resources block. */
    @Override
    default void close() {
        remove();
    }
}
