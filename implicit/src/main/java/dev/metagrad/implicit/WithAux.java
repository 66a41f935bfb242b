package dev.metagrad.implicit;

/**
 * A solution with auxiliary output (TorchOpt's {@code (solution, aux)} pair for {@code has_aux=True}): what an
 * {@link InnerSolver} returns, and what {@link RootSolver#solve} returns, when the root solver was built with
 * {@code hasAux(true)}. The auxiliary output is passed through unchanged and gets no gradient.
 *
 * @param solution the solution tree; in the value {@link RootSolver#solve} returns, connected to the graph
 * @param aux      anything (a loss, an iteration count, a map of them), or null
 */
public record WithAux(Object solution, Object aux) {
    /**
     * @throws IllegalArgumentException when the solution is null
     */
    public WithAux {
        if (solution == null) {
            throw new IllegalArgumentException("WithAux: the solution must not be null");
        }
    }
}
