package dev.metagrad.tree;

import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes a tree apart: collects its leaves depth first, left to right (lists by index, maps in iteration
 * order, records in component order) and records its {@link TreeDef}. The single definition of what
 * counts as a tree node, shared by every operation in this package.
 */
final class TreeWalker {
    private final List<Tensor> leaves = new ArrayList<>();
    /** Leaf paths, collected only when someone needs them (error messages, {@code mapWithPath}). */
    private final List<TreePath> paths;
    private TreeDef def;

    private TreeWalker(boolean withPaths) {
        this.paths = withPaths ? new ArrayList<>() : null;
    }

    /** The leaves, structure and (when {@code withPaths}) leaf paths of {@code tree}. */
    static TreeWalker walk(String op, Object tree, boolean withPaths) {
        TreeWalker walker = new TreeWalker(withPaths);
        walker.def = walker.visit(op, tree, TreePath.ROOT);
        return walker;
    }

    /** The structure of the walked tree. */
    TreeDef def() {
        return def;
    }

    /** The leaves in flattening order. */
    List<Tensor> leaves() {
        return leaves;
    }

    /** Leaf paths in leaf order; only after a walk {@code withPaths}. */
    List<TreePath> paths() {
        return paths;
    }

    private TreeDef visit(String op, Object node, TreePath path) {
        if (node == null) {
            return TreeDef.none();
        }
        if (node instanceof Tensor t) {
            leaves.add(t);
            if (paths != null) {
                paths.add(path);
            }
            return TreeDef.leaf();
        }
        if (node instanceof List<?> list) {
            List<TreeDef> children = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                children.add(visit(op, list.get(i), path.index(i)));
            }
            return TreeDef.list(children);
        }
        if (node instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>(map.size());
            List<TreeDef> children = new ArrayList<>(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(op + ": map " + path.where() + " has a key of type "
                            + (e.getKey() == null ? "null" : e.getKey().getClass().getName())
                            + "; tree maps need String keys");
                }
                keys.add(key);
                children.add(visit(op, e.getValue(), path.key(key)));
            }
            return TreeDef.map(keys, children);
        }
        if (node instanceof Record record) {
            List<String> names = RecordNodes.names(record.getClass());
            List<Object> values = RecordNodes.values(record);
            List<TreeDef> children = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                children.add(visit(op, values.get(i), path.field(names.get(i))));
            }
            return TreeDef.record(record.getClass(), children);
        }
        throw new IllegalArgumentException(op + ": unsupported tree node " + node.getClass().getName() + " "
                + path.where() + "; trees are made of Tensor leaves, null, List, Map<String, ?> and records "
                + "(keep non-tensor settings outside the tree, or hold them as 0-dim tensors)");
    }
}
