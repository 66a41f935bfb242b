package dev.metagrad.autograd.engine;

/**
 * One backward pass's claim on the nodes it visits. The engine needs a visited mark and a topological
 * position per node; keeping them in the node itself ({@link Node#owner}, {@link Node#position}) instead
 * of a hash map saves most of the cost of ordering a freshly recorded graph.
 *
 * <p>Graphs are shared (retained graphs, the same parameters behind several losses, a nested pass run by
 * a backward closure), so a node is only written by the pass that owns it. A pass takes a node with a
 * compare-and-set when it is free or its owner has {@link #finish() finished}; a node that another live
 * pass holds is tracked in a private {@link NodeIndex} instead. Ownership never changes while the owner
 * runs, so each pass sees exactly its own marks.
 */
final class Pass {
    private volatile boolean finished;
    private NodeIndex overflow;

    /**
     * Marks {@code node} as visited by this pass, with no position yet.
     *
     * @return false when this pass had already visited it
     */
    boolean visit(Node node) {
        Object owner = node.owner;
        if (owner == this) {
            return false;
        }
        // checked before claiming: the live owner that sent this node to overflow may have finished since
        if (overflow != null && overflow.contains(node)) {
            return false;
        }
        if ((owner == null || ((Pass) owner).finished) && Node.OWNER.compareAndSet(node, owner, this)) {
            node.position = -1;
            return true;
        }
        if (overflow == null) {
            overflow = new NodeIndex();
        }
        return overflow.add(node, -1);
    }

    /** Sets the topological position of a node this pass has visited. */
    void setPosition(Node node, int position) {
        if (node.owner == this) {
            node.position = position;
        } else {
            overflow.set(node, position);
        }
    }

    /** The position of {@code node} in this pass's order, or -1 when the pass did not reach it. */
    int position(Node node) {
        if (node.owner == this) {
            return node.position;
        }
        return overflow == null ? -1 : overflow.get(node);
    }

    /** Releases every node this pass owns; call exactly once, when the pass ends (also by exception). */
    void finish() {
        overflow = null;
        finished = true;
    }
}
