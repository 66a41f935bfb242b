package dev.metagrad.autograd.engine;

/**
 * An identity map from {@link Node} to an int, local to one backward pass: open addressing with linear
 * probing over the hash each node draws at construction.
 *
 * <p>It exists because the engine touches every node of the graph a few times per pass, and an
 * {@link java.util.IdentityHashMap} pays there for {@link System#identityHashCode} (installed in the
 * object header on first use, which every node of a fresh graph is) and for growing a table of
 * key/value pairs. Nothing is removed; a pass builds one and drops it.
 */
final class NodeIndex {
    private Node[] keys = new Node[64];
    private int[] values = new int[64];
    private int size;

    /** The value of {@code node}, or -1 when absent. */
    int get(Node node) {
        int mask = keys.length - 1;
        for (int i = node.hash & mask; ; i = (i + 1) & mask) {
            Node k = keys[i];
            if (k == node) {
                return values[i];
            }
            if (k == null) {
                return -1;
            }
        }
    }

    /** Adds {@code node} with {@code value} unless present; whether it was added. */
    boolean add(Node node, int value) {
        int mask = keys.length - 1;
        int i = node.hash & mask;
        for (Node k = keys[i]; k != null; k = keys[i]) {
            if (k == node) {
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = node;
        values[i] = value;
        // keep the table at most half full, so probe runs stay short
        if (++size * 2 > keys.length) {
            grow();
        }
        return true;
    }

    /** Replaces the value of a node already present. */
    void set(Node node, int value) {
        int mask = keys.length - 1;
        int i = node.hash & mask;
        while (keys[i] != node) {
            i = (i + 1) & mask;
        }
        values[i] = value;
    }

    private void grow() {
        Node[] oldKeys = keys;
        int[] oldValues = values;
        keys = new Node[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            Node k = oldKeys[j];
            if (k != null) {
                int i = k.hash & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }
}
