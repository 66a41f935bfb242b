package dev.metagrad.tree;

import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The structure of a tree with its leaves taken out (JAX's {@code PyTreeDef}, optree's {@code PyTreeSpec}):
 * which nodes are lists, maps (with their keys, in order) or records (with their class), where the
 * {@link Tensor} leaves go and where a {@code null} stands for an empty subtree.
 *
 * <p>Immutable, with value equality: two trees have equal structures exactly when one's leaves can be put
 * into the other's places. Map key order is part of the structure, since it decides the leaf order.
 * {@link #toString()} draws leaves as {@code *}: {@code {a: *, b: [*, *], opt: State[step=*, mu=null]}}.
 */
public final class TreeDef {
    private enum Kind { LEAF, NONE, LIST, MAP, RECORD }

    private static final TreeDef LEAF = new TreeDef(Kind.LEAF, List.of(), null, List.of());
    private static final TreeDef NONE = new TreeDef(Kind.NONE, List.of(), null, List.of());

    private final Kind kind;
    /** Map keys or record component names, parallel to {@link #children}; empty for other kinds. */
    private final List<String> names;
    /** The record class of a RECORD node, else null. */
    private final Class<?> recordType;
    private final List<TreeDef> children;
    private final int leafCount;
    private final int hash;

    private TreeDef(Kind kind, List<String> names, Class<?> recordType, List<TreeDef> children) {
        this.kind = kind;
        this.names = names;
        this.recordType = recordType;
        this.children = children;
        int count = kind == Kind.LEAF ? 1 : 0;
        for (TreeDef child : children) {
            count += child.leafCount;
        }
        this.leafCount = count;
        this.hash = Objects.hash(kind, names, recordType, children);
    }

    static TreeDef leaf() {
        return LEAF;
    }

    static TreeDef none() {
        return NONE;
    }

    static TreeDef list(List<TreeDef> children) {
        return new TreeDef(Kind.LIST, List.of(), null, List.copyOf(children));
    }

    static TreeDef map(List<String> keys, List<TreeDef> children) {
        return new TreeDef(Kind.MAP, List.copyOf(keys), null, List.copyOf(children));
    }

    static TreeDef record(Class<?> type, List<TreeDef> children) {
        return new TreeDef(Kind.RECORD, RecordNodes.names(type), type, List.copyOf(children));
    }

    /** Number of {@link Tensor} leaves a tree of this structure holds. */
    public int leafCount() {
        return leafCount;
    }

    /** Whether this is the structure of a single tensor (a tree that is just one leaf). */
    public boolean isLeaf() {
        return kind == Kind.LEAF;
    }

    /**
     * Puts {@code leaves} into this structure, in the order {@link Trees#flatten(Object)} takes them out.
     * Lists come back as unmodifiable lists, maps as unmodifiable maps in this structure's key order and
     * records through their canonical constructor. The generic result type is the caller's claim about
     * the tree; declare it with the interface types ({@code List}, {@code Map}) or the record class.
     *
     * @throws IllegalArgumentException when the number of leaves differs from {@link #leafCount()} or a leaf is null
     */
    @SuppressWarnings("unchecked")
    public <T> T unflatten(List<Tensor> leaves) {
        if (leaves.size() != leafCount) {
            throw new IllegalArgumentException("unflatten: structure " + this + " has " + leafCount + " leaves, got "
                    + leaves.size());
        }
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i) == null) {
                throw new IllegalArgumentException("unflatten: leaf " + i + " is null; a structure's null subtrees "
                        + "are part of the structure, not leaves");
            }
        }
        int[] cursor = {0};
        return (T) build(leaves, cursor);
    }

    private Object build(List<Tensor> leaves, int[] cursor) {
        switch (kind) {
            case LEAF:
                return leaves.get(cursor[0]++);
            case NONE:
                return null;
            case LIST: {
                List<Object> list = new ArrayList<>(children.size());
                for (TreeDef child : children) {
                    list.add(child.build(leaves, cursor));
                }
                return Collections.unmodifiableList(list);
            }
            case MAP: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < children.size(); i++) {
                    map.put(names.get(i), children.get(i).build(leaves, cursor));
                }
                return Collections.unmodifiableMap(map);
            }
            default: {
                List<Object> values = new ArrayList<>(children.size());
                for (TreeDef child : children) {
                    values.add(child.build(leaves, cursor));
                }
                return RecordNodes.construct(recordType, values);
            }
        }
    }

    /**
     * Where this structure and {@code other} first part ways, walking both in leaf order: a message like
     * {@code at ['layer1']['bias']: Tensor vs List of 2}, or null when they are equal.
     */
    String firstDifference(TreeDef other, TreePath path) {
        if (kind != other.kind || children.size() != other.children.size() || !names.equals(other.names)
                || recordType != other.recordType) {
            String detail = describe() + " vs " + other.describe();
            if (kind == Kind.MAP && other.kind == Kind.MAP && new HashSet<>(names).equals(new HashSet<>(other.names))) {
                detail += " (same keys in another order; the order decides the leaf order, so it must match)";
            }
            return path.where() + ": " + detail;
        }
        for (int i = 0; i < children.size(); i++) {
            String difference = children.get(i).firstDifference(other.children.get(i), childPath(path, i));
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    /** The path of child {@code i} of a node with this structure at {@code path}. */
    TreePath childPath(TreePath path, int i) {
        return switch (kind) {
            case MAP -> path.key(names.get(i));
            case RECORD -> path.field(names.get(i));
            default -> path.index(i);
        };
    }

    /** This node alone, without its children: {@code Tensor}, {@code null}, {@code List of 2}, ... */
    private String describe() {
        return switch (kind) {
            case LEAF -> "Tensor";
            case NONE -> "null";
            case LIST -> "List of " + children.size();
            case MAP -> "Map with keys " + names;
            case RECORD -> "record " + recordType.getName();
        };
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof TreeDef other && hash == other.hash && kind == other.kind && recordType == other.recordType
                && names.equals(other.names) && children.equals(other.children);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Leaves as {@code *}: {@code [*, null]}, {@code {w: *, b: *}}, {@code Point[x=*, y=*]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        render(sb);
        return sb.toString();
    }

    private void render(StringBuilder sb) {
        switch (kind) {
            case LEAF -> sb.append('*');
            case NONE -> sb.append("null");
            case LIST -> renderChildren(sb, "[", "", "]");
            case MAP -> renderChildren(sb, "{", ": ", "}");
            case RECORD -> renderChildren(sb, recordType.getSimpleName() + "[", "=", "]");
        }
    }

    private void renderChildren(StringBuilder sb, String open, String separator, String close) {
        sb.append(open);
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (kind != Kind.LIST) {
                sb.append(names.get(i)).append(separator);
            }
            children.get(i).render(sb);
        }
        sb.append(close);
    }
}
