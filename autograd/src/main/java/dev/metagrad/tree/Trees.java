package dev.metagrad.tree;

import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Trees of tensors (pytrees, as in JAX and optree): the containers optimizers and solvers work over.
 *
 * <p>A tree is one of
 * <ul>
 *   <li>a {@link Tensor}, a leaf;</li>
 *   <li>{@code null}, an empty subtree with no leaves (optree's None);</li>
 *   <li>a {@link List} of trees, taken in index order;</li>
 *   <li>a {@link Map} with {@link String} keys and tree values, taken in the map's iteration order (use a
 *       {@link LinkedHashMap}; a module's parameters as an ordered {@code Map<String, Tensor>} of dotted
 *       names are a tree as they are);</li>
 *   <li>a {@code record} whose components are trees, taken in declaration order and rebuilt through the
 *       canonical constructor.</li>
 * </ul>
 * Anything else (numbers, strings, arrays) is refused with the path where it was found: non-tensor
 * settings belong outside the tree. Leaves are ordered depth first, left to right.
 *
 * <p><b>Paths.</b> {@link #mapWithPath} and {@link #namedLeaves} name a leaf by its dotted path, the way
 * torch names state-dict entries: map keys, list indices and record component names joined with
 * {@code "."}, so {@code {encoder: {layers: [{weight: *}]}}} names its leaf {@code encoder.layers.0.weight},
 * a flat state dict names each leaf by its own key, and a tree that is a single tensor names it {@code ""}.
 * Error messages use the unambiguous bracket form instead: {@code ['encoder']['layers'][0]['weight']},
 * with {@code .name} for a record component.
 *
 * <p>Rebuilt trees are new, unmodifiable containers; the input trees are never changed. The generic
 * results are the caller's claim about the tree's type: declare trees with {@code List}, {@code Map} or
 * the record class, not with a concrete collection class. Tree arithmetic lives in {@link TreeMath}.
 */
public final class Trees {
    private Trees() {
    }

    /**
     * Takes {@code tree} apart into its leaves and structure.
     *
     * @throws IllegalArgumentException naming the path of a node that is not part of a tree
     */
    public static Flattened flatten(Object tree) {
        TreeWalker walker = TreeWalker.walk("flatten", tree, false);
        return new Flattened(walker.leaves(), walker.def());
    }

    /** The leaves of {@code tree}, depth first and left to right (unmodifiable). */
    public static List<Tensor> leaves(Object tree) {
        return List.copyOf(TreeWalker.walk("leaves", tree, false).leaves());
    }

    /** The structure of {@code tree}. */
    public static TreeDef structure(Object tree) {
        return TreeWalker.walk("structure", tree, false).def();
    }

    /**
     * A tree of the same structure with {@code f} applied to every leaf.
     *
     * @throws IllegalArgumentException when {@code f} returns null for a leaf (named by its path)
     */
    public static <T> T map(T tree, UnaryOperator<Tensor> f) {
        TreeWalker walker = TreeWalker.walk("map", tree, false);
        List<Tensor> out = new ArrayList<>(walker.leaves().size());
        for (int i = 0; i < walker.leaves().size(); i++) {
            out.add(nonNull("map", tree, i, f.apply(walker.leaves().get(i))));
        }
        return walker.def().unflatten(out);
    }

    /**
     * Combines two trees of the same structure leaf by leaf: the result's leaf is {@code f(a's, b's)}.
     * Leaf shapes are not compared; {@code f} decides what it accepts.
     *
     * @throws IllegalArgumentException when the structures differ, naming the first difference in leaf
     *                                  order, e.g. {@code map2: structures differ at ['layer1']['bias']: Tensor vs List of 2}
     */
    public static <T> T map2(T a, T b, BinaryOperator<Tensor> f) {
        Zipped z = Zipped.of("map2", a, b);
        List<Tensor> out = new ArrayList<>(z.left().size());
        for (int i = 0; i < z.left().size(); i++) {
            out.add(nonNull("map2", a, i, f.apply(z.left().get(i), z.right().get(i))));
        }
        return z.def().unflatten(out);
    }

    /**
     * A tree of the same structure with {@code f(path, leaf)} applied to every leaf, where path is the
     * dotted name of the leaf (see the class documentation), e.g. to leave biases out of weight decay:
     * <pre>{@code Trees.mapWithPath(params, (name, p) -> name.endsWith("bias") ? p : p.mul(0.99))}</pre>
     *
     * @throws IllegalArgumentException when {@code f} returns null for a leaf
     */
    public static <T> T mapWithPath(T tree, BiFunction<String, Tensor, Tensor> f) {
        TreeWalker walker = TreeWalker.walk("mapWithPath", tree, true);
        List<Tensor> out = new ArrayList<>(walker.leaves().size());
        for (int i = 0; i < walker.leaves().size(); i++) {
            Tensor leaf = f.apply(walker.paths().get(i).dotted(), walker.leaves().get(i));
            out.add(nonNull("mapWithPath", tree, i, leaf));
        }
        return walker.def().unflatten(out);
    }

    /**
     * The leaves by dotted name, in leaf order: a state dict of any tree. For a flat map of tensors this
     * is the map itself.
     *
     * @throws IllegalArgumentException when two leaves get the same name (a key {@code "a.b"} beside a
     *                                  nested {@code a: {b: ...}}), naming both paths
     */
    public static Map<String, Tensor> namedLeaves(Object tree) {
        TreeWalker walker = TreeWalker.walk("namedLeaves", tree, true);
        Map<String, Tensor> named = new LinkedHashMap<>();
        Map<String, TreePath> seen = new LinkedHashMap<>();
        for (int i = 0; i < walker.leaves().size(); i++) {
            TreePath path = walker.paths().get(i);
            String name = path.dotted();
            TreePath before = seen.putIfAbsent(name, path);
            if (before != null) {
                throw new IllegalArgumentException("namedLeaves: the leaves at " + before + " and " + path
                        + " are both named \"" + name + "\"");
            }
            named.put(name, walker.leaves().get(i));
        }
        return Collections.unmodifiableMap(named);
    }

    private static Tensor nonNull(String op, Object tree, int i, Tensor leaf) {
        if (leaf == null) {
            throw new IllegalArgumentException(op + ": the function returned null for the leaf "
                    + Zipped.pathOf(op, tree, i).where() + "; return a tensor for every leaf");
        }
        return leaf;
    }
}
