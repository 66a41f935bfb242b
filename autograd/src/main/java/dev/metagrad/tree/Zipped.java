package dev.metagrad.tree;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * Two trees of one structure, flattened side by side, for the operations that combine trees leaf by
 * leaf. Leaf paths are only worked out when an error message needs one, so matching trees cost a walk
 * each and nothing more.
 *
 * @param op    the operation, named in error messages
 * @param tree  the first tree, kept to find leaf paths for error messages
 * @param def   the shared structure
 * @param left  the first tree's leaves
 * @param right the second tree's leaves
 */
record Zipped(String op, Object tree, TreeDef def, List<Tensor> left, List<Tensor> right) {

    /**
     * Flattens both trees.
     *
     * @throws IllegalArgumentException naming the path of the first place where the structures differ
     */
    static Zipped of(String op, Object a, Object b) {
        TreeWalker wa = TreeWalker.walk(op, a, false);
        TreeWalker wb = TreeWalker.walk(op, b, false);
        if (!wa.def().equals(wb.def())) {
            throw new IllegalArgumentException(op + ": structures differ " + wa.def().firstDifference(wb.def(), TreePath.ROOT));
        }
        return new Zipped(op, a, wa.def(), wa.leaves(), wb.leaves());
    }

    /**
     * Requires each pair of leaves to have equal shapes and dtypes: tree arithmetic is leaf-wise, and a
     * pair that merely broadcasts would silently change a parameter's shape.
     */
    Zipped requireMatchingLeaves() {
        for (int i = 0; i < left.size(); i++) {
            Tensor a = left.get(i);
            Tensor b = right.get(i);
            if (!Arrays.equals(a.shape(), b.shape())) {
                throw new IllegalArgumentException(op + ": leaf shapes differ " + pathOf(i).where() + ": "
                        + Shape.str(a.shape()) + " vs " + Shape.str(b.shape()));
            }
            if (a.dtype() != b.dtype()) {
                throw new IllegalArgumentException(op + ": leaf dtypes differ " + pathOf(i).where() + ": "
                        + a.dtype() + " vs " + b.dtype());
            }
        }
        return this;
    }

    /** The path of leaf {@code i} of the first tree. */
    TreePath pathOf(int i) {
        return pathOf(op, tree, i);
    }

    /** The path of leaf {@code i} of {@code tree}, found by walking it again (only on the error path). */
    static TreePath pathOf(String op, Object tree, int i) {
        return TreeWalker.walk(op, tree, true).paths().get(i);
    }
}
