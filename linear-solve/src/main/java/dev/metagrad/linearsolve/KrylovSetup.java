package dev.metagrad.linearsolve;

import dev.metagrad.tree.Flattened;

import java.util.OptionalInt;

/**
 * What the general Krylov solvers ({@link Gmres}, {@link Bicgstab}) set up before their first iteration, in
 * this order: the operator checked and shifted by the ridge ({@code A + ridge I}), {@code b}'s leaves checked,
 * the stopping rule {@code ||r||² <= max(rtol² ||b||², atol²)} and the start {@code x0, r0 = b − A x0}.
 *
 * @param a     the operator with the ridge added
 * @param flatB b's leaves, which every {@code A x} must match
 * @param stop  the stopping rule
 * @param start the start point and its residual
 */
record KrylovSetup(LinearOperator a, Flattened flatB, Stopping stop, Start start) {

    /**
     * Checks the arguments and sets up a solve of {@code (A + ridge I) x = b}.
     *
     * @param op   the solver's name, for messages
     * @param init the start point (null: zero)
     * @throws IllegalArgumentException for a null operator, a malformed {@code b} or start point, or an
     *                                  {@code A x0} not shaped like {@code b}
     */
    static KrylovSetup of(String op, LinearOperator a0, Object b, double ridge, double rtol, double atol,
                          OptionalInt maxIter, Object init) {
        if (a0 == null) {
            throw new IllegalArgumentException(op + ": the operator A is null");
        }
        Flattened flatB = Checks.rightHandSide(op, b);
        LinearOperator a = LinearOperators.withRidge(a0, ridge);
        Stopping stop = Stopping.of(b, flatB, rtol, atol, maxIter);
        return new KrylovSetup(a, flatB, stop, Start.of(op, a, b, flatB, init, "init"));
    }
}
