package dev.metagrad.linearsolve;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.TreeMath;

import java.util.OptionalInt;

/**
 * The stopping rule of the iterative solvers (TorchOpt's and JAX's): stop once the squared residual norm is at
 * most {@code atol2 = max(rtol² ||b||², atol²)}, or after {@code maxIter} iterations.
 *
 * @param atol2   the squared threshold
 * @param maxIter the iteration limit
 */
record Stopping(double atol2, int maxIter) {

    static Stopping of(Object b, Flattened flatB, double rtol, double atol, OptionalInt maxIter) {
        double bb;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            bb = TreeMath.vdot(b, b).item();
        }
        return new Stopping(Math.max(rtol * rtol * bb, atol * atol), maxIter.orElse(defaultMaxIter(flatB)));
    }

    /** Whether a squared residual norm passes the test. */
    boolean met(double rs) {
        return !(rs > atol2);
    }

    /**
     * {@code 10 · Σ dims} over b's leaves, TorchOpt's (and JAX's) default: the sum of the dimensions, not
     * their product, so 10·n for a vector. A 0-dim leaf counts 1: TorchOpt counts it 0, which for a scalar b
     * means no iteration at all and a zero solution.
     */
    static int defaultMaxIter(Flattened b) {
        long sum = 0;
        for (Tensor leaf : b.leaves()) {
            if (leaf.dim() == 0) {
                sum += 1;
            }
            for (int d : leaf.shape()) {
                sum += d;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, 10 * sum));
    }
}
