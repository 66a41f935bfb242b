package dev.metagrad.autograd;

/**
 * Per-thread switch for graph recording, the library's only mutable global state. Use the scopes with
 * try-with-resources; they nest and restore the previous mode on close:
 * <pre>{@code
 * try (var scope = GradMode.noGrad()) {
 *     Tensor y = model.forward(x);   // no graph is recorded
 * }
 * }</pre>
 * Equivalent to {@code torch.no_grad()} and {@code torch.enable_grad()}.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    /** A scope that restores the previous grad mode when closed. */
    public interface Scope extends AutoCloseable {
        /** Restores the mode that was active when the scope opened. */
        @Override
        void close();
    }

    /** Whether ops on this thread currently record the graph. */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Disables recording on this thread until the returned scope closes. */
    public static Scope noGrad() {
        return set(false);
    }

    /** Enables recording on this thread until the returned scope closes (e.g. inside a {@link #noGrad()} block). */
    public static Scope enableGrad() {
        return set(true);
    }

    /** Sets recording to {@code enabled} until the returned scope closes. */
    public static Scope set(boolean enabled) {
        boolean[] cell = ENABLED.get();
        boolean previous = cell[0];
        cell[0] = enabled;
        return () -> cell[0] = previous;
    }
}
