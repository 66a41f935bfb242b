package dev.metagrad.linearsolve;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Indexing;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.TreeDef;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * A tree's leaves seen as one flat vector (JAX's {@code ravel_pytree}), for the dense solvers: {@link #ravel}
 * concatenates the flattened leaves, {@link #unravel} cuts a vector back into the tree. Both are
 * differentiable.
 */
final class TreeVector {
    private final TreeDef def;
    private final int[][] shapes;
    private final int[] offsets;
    private final int size;
    private final DType dtype;

    private TreeVector(Flattened tree) {
        this.def = tree.def();
        int count = tree.leaves().size();
        this.shapes = new int[count][];
        this.offsets = new int[count];
        int total = 0;
        for (int i = 0; i < count; i++) {
            shapes[i] = tree.leaves().get(i).shape();
            offsets[i] = total;
            total += Shape.numel(shapes[i]);
        }
        this.size = total;
        this.dtype = tree.leaves().get(0).dtype();
    }

    /** The layout of {@code tree}, which has at least one leaf. */
    static TreeVector of(Flattened tree) {
        return new TreeVector(tree);
    }

    /** The length n of the flat vector. */
    int size() {
        return size;
    }

    /** The leaves of a tree of this layout, flattened and concatenated: a vector {@code [n]}. */
    Tensor ravel(Object tree) {
        List<Tensor> leaves = Trees.leaves(tree);
        if (leaves.size() == 1) {
            return leaves.get(0).reshape(-1);
        }
        List<Tensor> parts = new ArrayList<>(leaves.size());
        for (Tensor leaf : leaves) {
            parts.add(leaf.reshape(-1));
        }
        return Indexing.cat(parts, 0);
    }

    /** The tree whose raveled form is {@code v [n]}. */
    Object unravel(Tensor v) {
        List<Tensor> leaves = new ArrayList<>(shapes.length);
        for (int i = 0; i < shapes.length; i++) {
            Tensor part = shapes.length == 1 ? v : v.narrow(0, offsets[i], Shape.numel(shapes[i]));
            leaves.add(part.reshape(shapes[i]));
        }
        return def.unflatten(leaves);
    }

    /** The j-th unit vector as a tree of this layout (constant, no graph). */
    Object unit(int j) {
        double[] e = new double[size];
        e[j] = 1.0;
        return unravel(Tensor.of(e, dtype, size));
    }

    /**
     * The matrix {@code [n, n]} of {@code A} in this layout, column j = {@code ravel(A e_j)}: n applications of
     * the operator, recorded, so the matrix is differentiable in whatever {@code A} closes over.
     */
    Tensor materialize(String op, LinearOperator a, Flattened b) {
        List<Tensor> columns = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
            Object image = a.apply(unit(j));
            if (j == 0) {
                Checks.like(op, "A x", image, b);
            }
            columns.add(ravel(image));
        }
        return size == 1 ? columns.get(0).reshape(1, 1) : Indexing.stack(columns, 1);
    }
}
