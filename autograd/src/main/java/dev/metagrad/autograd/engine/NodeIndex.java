package dev.metagrad.autograd.engine;

/**
 * An identity map from {@link Node} to an int, local to one {@link Pass}: open addressing with linear
 * probing. It holds the nodes a pass could not claim because another live pass owned them, so it is
 * empty in the common case; nothing is ever removed.
 */
final class NodeIndex {
    private Node[] keys = new Node[16];
    private int[] values = new int[16];
    private int size;

    private static int hash(Node node) {
        int h = System.identityHashCode(node);
        return h ^ (h >>> 16);
    }

    /** Whether {@code node} is present. */
    boolean contains(Node node) {
        int mask = keys.length - 1;
        for (int i = hash(node) & mask; ; i = (i + 1) & mask) {
            Node k = keys[i];
            if (k == node) {
                return true;
            }
            if (k == null) {
                return false;
            }
        }
    }

    /** The value of {@code node}, or -1 when absent. */
    int get(Node node) {
        int mask = keys.length - 1;
        for (int i = hash(node) & mask; ; i = (i + 1) & mask) {
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
        int i = hash(node) & mask;
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
        int i = hash(node) & mask;
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
                int i = hash(k) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }
}
