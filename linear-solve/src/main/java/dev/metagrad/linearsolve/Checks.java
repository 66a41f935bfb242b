package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/** Argument checks shared by the solvers; each message names the solver, the argument and the fix. */
final class Checks {
    private Checks() {
    }

    static void finite(String op, String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(op + ": " + name + " must be finite, got " + value);
        }
    }

    static void tolerance(String op, String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(op + ": " + name + " must be a finite number >= 0, got " + value);
        }
    }

    static void maxIter(String op, OptionalInt maxIter) {
        if (maxIter == null) {
            throw new IllegalArgumentException(op + ": maxIter must be OptionalInt.empty() for the default, not null");
        }
        if (maxIter.isPresent()) {
            nonNegative(op, "maxIter", maxIter.getAsInt());
        }
    }

    /** An iteration count: 0 runs no iteration (TorchOpt accepts {@code maxiter=0}), a negative count is an error. */
    static void nonNegative(String op, String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(op + ": " + name + " must be >= 0, got " + value);
        }
    }

    static void positive(String op, String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(op + ": " + name + " must be positive, got " + value);
        }
    }

    /**
     * Stops an iteration whose squared residual norm {@code rs} is no longer finite.
     *
     * @param cause what makes that happen for this solver
     * @throws ArithmeticException {@code "<op>: the residual became <rs> after <k> iterations; <cause>"}
     */
    static void finiteResidual(String op, double rs, int iterations, String cause) {
        if (!Double.isFinite(rs)) {
            throw new ArithmeticException(op + ": the residual became " + rs + " after " + iterations + " iterations; "
                    + cause);
        }
    }

    /**
     * Requires {@code b} to be a tree with at least one leaf, all of one floating dtype and finite (a NaN
     * right-hand side would only come back as a NaN solution).
     */
    static Flattened rightHandSide(String op, Object b) {
        if (b == null) {
            throw new IllegalArgumentException(op + ": b is null; pass a tensor or a tree of tensors");
        }
        Flattened flat = Trees.flatten(b);
        if (flat.leaves().isEmpty()) {
            throw new IllegalArgumentException(op + ": b has no tensor leaves; there is nothing to solve for");
        }
        finiteLeaves(op, "b", flat.leaves());
        return flat;
    }

    /** Requires every leaf of {@code tree} to be floating point, of {@code b}'s dtype, and free of NaN and infinities. */
    static void finiteLeaves(String op, String name, List<Tensor> leaves) {
        for (int i = 0; i < leaves.size(); i++) {
            Tensor leaf = leaves.get(i);
            if (!leaf.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException(op + ": " + leafName(name, i, leaves.size()) + " is " + leaf.dtype()
                        + "; the solvers work on float64 or float32 tensors");
            }
            if (leaf.dtype() != leaves.get(0).dtype()) {
                throw new IllegalArgumentException(op + ": " + name + " mixes " + leaves.get(0).dtype() + " and "
                        + leaf.dtype() + " leaves; convert them to one dtype");
            }
            for (double v : leaf.toDoubleArray()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(op + ": " + leafName(name, i, leaves.size()) + " contains " + v
                            + "; the solvers need finite values");
                }
            }
        }
    }

    /**
     * Requires {@code tree} (a start point, or {@code A x}) to have {@code b}'s structure, leaf shapes and
     * dtypes: the solvers only handle square operators on trees shaped like {@code b}.
     */
    static void like(String op, String name, Object tree, Flattened b) {
        if (tree == null) {
            throw new IllegalArgumentException(op + ": " + name + " is null; it must be a tree shaped like b");
        }
        Flattened t = Trees.flatten(tree);
        if (!t.def().equals(b.def())) {
            throw new IllegalArgumentException(op + ": " + name + " has tree structure " + t.def()
                    + " but b has " + b.def() + "; the operator must map trees shaped like b to trees shaped like b");
        }
        for (int i = 0; i < t.leaves().size(); i++) {
            Tensor x = t.leaves().get(i);
            Tensor y = b.leaves().get(i);
            if (!Arrays.equals(x.shape(), y.shape())) {
                throw new IllegalArgumentException(op + ": " + leafName(name, i, t.leaves().size()) + " has shape "
                        + Shape.str(x.shape()) + " but b" + (t.leaves().size() == 1 ? "" : "'s leaf " + i) + " has shape "
                        + Shape.str(y.shape()) + "; A must be square, mapping b's shape to itself");
            }
            if (x.dtype() != y.dtype()) {
                throw new IllegalArgumentException(op + ": " + leafName(name, i, t.leaves().size()) + " is " + x.dtype()
                        + " but b is " + y.dtype() + "; use one dtype throughout");
            }
        }
    }

    private static String leafName(String name, int i, int count) {
        return count == 1 ? name : name + "'s leaf " + i;
    }
}
