package dev.metagrad.tree;

/**
 * Where a node sits in a tree: the map keys, list indices and record component names on the way from
 * the root, as an immutable linked chain (a child path shares its parent, so walking a tree allocates
 * one small object per node).
 *
 * <p>Two renderings: {@link #toString()} is the unambiguous, JAX-style form used in error messages
 * ({@code ['encoder']['layers'][0].weight}), {@link #dotted()} the torch state-dict name
 * ({@code encoder.layers.0.weight}).
 */
final class TreePath {
    /** The path of the root itself. */
    static final TreePath ROOT = new TreePath(null, null, 0, Step.ROOT);

    private enum Step { ROOT, KEY, INDEX, FIELD }

    private final TreePath parent;
    private final String name;
    private final int index;
    private final Step step;

    private TreePath(TreePath parent, String name, int index, Step step) {
        this.parent = parent;
        this.name = name;
        this.index = index;
        this.step = step;
    }

    /** The child under map key {@code key}. */
    TreePath key(String key) {
        return new TreePath(this, key, 0, Step.KEY);
    }

    /** The child at list position {@code i}. */
    TreePath index(int i) {
        return new TreePath(this, null, i, Step.INDEX);
    }

    /** The child in record component {@code component}. */
    TreePath field(String component) {
        return new TreePath(this, component, 0, Step.FIELD);
    }

    /** Keys, indices and component names joined with dots, as torch names state-dict entries; "" at the root. */
    String dotted() {
        if (step == Step.ROOT) {
            return "";
        }
        String own = step == Step.INDEX ? Integer.toString(index) : name;
        String up = parent.dotted();
        return up.isEmpty() ? own : up + "." + own;
    }

    /** "at ['a'][0]" or "at the root", for the middle of an error message. */
    String where() {
        return step == Step.ROOT ? "at the root" : "at " + this;
    }

    /** {@code ['key']} for map keys, {@code [i]} for list indices, {@code .name} for record components. */
    @Override
    public String toString() {
        if (step == Step.ROOT) {
            return "";
        }
        String own = switch (step) {
            case KEY -> "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
            case INDEX -> "[" + index + "]";
            default -> "." + name;
        };
        return parent + own;
    }
}
