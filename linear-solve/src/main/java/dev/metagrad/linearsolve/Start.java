package dev.metagrad.linearsolve;

import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.TreeMath;
import dev.metagrad.tree.Trees;

/**
 * The start of an iterative solve: {@code x0} (zero when no start point is given) and its residual
 * {@code r0 = b − A x0}, which is {@code b} itself from zero, without applying A.
 *
 * @param x       the start point
 * @param r       its residual
 * @param checked whether {@code A x} was already checked against b's shape
 */
record Start(Object x, Object r, boolean checked) {

    static Start of(String op, LinearOperator a, Object b, Flattened flatB, Object init, String name) {
        if (init == null) {
            return new Start(TreeMath.zerosLike(b), b, false);
        }
        Checks.like(op, name, init, flatB);
        Checks.finiteLeaves(op, name, Trees.leaves(init));
        Object ax = a.apply(init);
        Checks.like(op, "A " + name, ax, flatB);
        return new Start(init, TreeMath.sub(b, ax), true);
    }
}
