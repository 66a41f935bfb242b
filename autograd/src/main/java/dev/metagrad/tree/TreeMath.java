package dev.metagrad.tree;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Vector-space arithmetic over trees of tensors, the vocabulary of optimizers and iterative solvers
 * (optax-style updates, conjugate gradients over parameter trees).
 *
 * <p>Everything is built from differentiable {@link Tensor} ops, so these work inside a
 * {@code createGraph} computation and can be differentiated again. Binary operations need trees of one
 * structure (see {@link Trees}) with equal leaf shapes and dtypes; mismatches are reported with the path
 * of the first offending leaf. Scalars (a {@link Tensor} {@code alpha}, the results of {@link #vdot} and
 * {@link #norm}) are 0-dim tensors.
 */
public final class TreeMath {
    private TreeMath() {
    }

    /** {@code a + b}, leaf by leaf. */
    public static <T> T add(T a, T b) {
        return zipLeaves("add", a, b, Tensor::add);
    }

    /** {@code a - b}, leaf by leaf. */
    public static <T> T sub(T a, T b) {
        return zipLeaves("sub", a, b, Tensor::sub);
    }

    /** {@code s * tree}. */
    public static <T> T scale(T tree, double s) {
        return Trees.map(tree, leaf -> leaf.mul(s));
    }

    /**
     * {@code s * tree} with a 0-dim tensor {@code s} (differentiable in {@code s} too: a learned step size).
     *
     * @throws IllegalArgumentException when {@code s} is not 0-dim
     */
    public static <T> T scale(T tree, Tensor s) {
        requireScalar("scale", s);
        return Trees.map(tree, leaf -> leaf.mul(s));
    }

    /** {@code alpha * x + y}, leaf by leaf (BLAS axpy). */
    public static <T> T axpy(double alpha, T x, T y) {
        return zipLeaves("axpy", x, y, (xi, yi) -> xi.mul(alpha).add(yi));
    }

    /**
     * {@code alpha * x + y} with a 0-dim tensor {@code alpha}.
     *
     * @throws IllegalArgumentException when {@code alpha} is not 0-dim
     */
    public static <T> T axpy(Tensor alpha, T x, T y) {
        requireScalar("axpy", alpha);
        return zipLeaves("axpy", x, y, (xi, yi) -> xi.mul(alpha).add(yi));
    }

    /**
     * The inner product of two trees seen as vectors: the sum over leaves of {@code sum(a * b)}, a 0-dim
     * tensor ({@code 0.0} float64 for trees without leaves).
     *
     * @throws IllegalArgumentException when structures, leaf shapes or dtypes differ
     */
    public static Tensor vdot(Object a, Object b) {
        Zipped z = Zipped.of("vdot", a, b).requireMatchingLeaves();
        requireOneFloatingDtype("vdot", a, z.left());
        Tensor total = null;
        for (int i = 0; i < z.left().size(); i++) {
            Tensor term = z.left().get(i).mul(z.right().get(i)).sum();
            total = total == null ? term : total.add(term);
        }
        return total == null ? Tensor.scalar(0.0) : total;
    }

    /**
     * The L2 norm of all leaves taken as one vector, a 0-dim tensor ({@code 0.0} float64 for trees without
     * leaves). Its gradient is {@code leaf / norm}, and zero at the zero tree, as for torch's norm; second
     * derivatives are exact even where some leaves are zero.
     *
     * @throws IllegalArgumentException when the leaves are not all of one floating dtype
     */
    public static Tensor norm(Object tree) {
        List<Tensor> leaves = TreeWalker.walk("norm", tree, false).leaves();
        if (leaves.isEmpty()) {
            return Tensor.scalar(0.0);
        }
        requireOneFloatingDtype("norm", tree, leaves);
        return TreeNorm.of(leaves);
    }

    /** Zeros in the shape, dtype and structure of {@code tree} (optimizer moments start here). */
    public static <T> T zerosLike(T tree) {
        return Trees.map(tree, Tensor::zerosLike);
    }

    /** Ones in the shape, dtype and structure of {@code tree}. */
    public static <T> T onesLike(T tree) {
        return Trees.map(tree, Tensor::onesLike);
    }

    /** The same values cut from the graph: every leaf {@link Tensor#detach() detached}. */
    public static <T> T detach(T tree) {
        return Trees.map(tree, Tensor::detach);
    }

    private static <T> T zipLeaves(String op, T a, T b, BinaryOperator<Tensor> f) {
        Zipped z = Zipped.of(op, a, b).requireMatchingLeaves();
        List<Tensor> out = new ArrayList<>(z.left().size());
        for (int i = 0; i < z.left().size(); i++) {
            out.add(f.apply(z.left().get(i), z.right().get(i)));
        }
        return z.def().unflatten(out);
    }

    private static void requireScalar(String op, Tensor s) {
        if (s.dim() != 0) {
            throw new IllegalArgumentException(op + ": the scalar must be a 0-dim tensor, got shape " + Shape.str(s.shape())
                    + " (a [1] factor would reshape 0-dim leaves)");
        }
    }

    /** The per-leaf results are summed into one scalar, which needs one floating dtype throughout. */
    private static void requireOneFloatingDtype(String op, Object tree, List<Tensor> leaves) {
        for (int i = 0; i < leaves.size(); i++) {
            DType dtype = leaves.get(i).dtype();
            if (!dtype.isFloatingPoint()) {
                throw new IllegalArgumentException(op + ": the leaf " + Zipped.pathOf(op, tree, i).where() + " is "
                        + dtype + "; only float64 and float32 leaves have a norm and inner product");
            }
            if (dtype != leaves.get(0).dtype()) {
                throw new IllegalArgumentException(op + ": leaves mix " + leaves.get(0).dtype() + " ("
                        + Zipped.pathOf(op, tree, 0).where() + ") and " + dtype + " (" + Zipped.pathOf(op, tree, i).where()
                        + "); convert them to one dtype");
            }
        }
    }
}
