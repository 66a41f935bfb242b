package dev.metagrad.autograd.engine;

import dev.metagrad.autograd.Tensor;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * One recorded op in the autograd graph: its name, one {@link Edge} per input and its {@link Backward}.
 * The closure holds the tensors the backward needs; {@link #release()} drops it after a backward pass
 * that does not retain the graph. Edges name the producing node, or the leaf itself, never an
 * intermediate tensor, so a released graph holds no activations even while its output is still
 * referenced (a logged loss, say): that is what keeps long training loops at a flat heap.
 */
public final class Node {
    /**
     * Where the gradient of one input goes: to the node that produced it ({@code node}), or into a leaf
     * that required grad when the op ran ({@code leaf}). Inputs that were constants have no edge (null).
     *
     * @param node the producing node, or null for a leaf
     * @param leaf the leaf tensor, or null for a produced input
     */
    public record Edge(Node node, Tensor leaf) {
    }

    private final String name;
    /** Per input: the producing {@link Node}, a leaf {@link Tensor} that required grad, or null (constant). */
    private final Object[] links;
    /** Shape of this node's output, against which gradients flowing into it are checked. */
    private final int[] shape;
    private volatile Backward backward;
    /** The {@link Pass} that may write {@link #position}; stays set after it finishes, until another claims. */
    volatile Object owner;
    /** Position in the owner's topological order (-1 while being visited). */
    int position;
    /**
     * Longest path from a leaf: 1 + the largest depth of the input nodes (1 with none). A node depends on
     * another only if its depth is larger, which lets a pass skip the history behind its targets.
     */
    final int depth;

    static final AtomicReferenceFieldUpdater<Node, Object> OWNER =
            AtomicReferenceFieldUpdater.newUpdater(Node.class, Object.class, "owner");

    Node(String name, int[] shape, Tensor[] inputs, Backward backward) {
        this.name = name;
        this.shape = shape;
        this.links = new Object[inputs.length];
        int deepest = 0;
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i];
            if (in != null) {
                Node producer = in.gradFn();
                links[i] = producer != null ? producer : in.requiresGrad() ? in : null;
                if (producer != null && producer.depth > deepest) {
                    deepest = producer.depth;
                }
            }
        }
        this.depth = deepest + 1;
        this.backward = backward;
    }

    /** The op's name, e.g. {@code "mul"}. */
    public String name() {
        return name;
    }

    /** One edge per input, in input order; null for inputs that were constants or absent. */
    public List<Edge> edges() {
        Edge[] edges = new Edge[links.length];
        for (int i = 0; i < links.length; i++) {
            Object link = links[i];
            edges[i] = link == null ? null
                    : link instanceof Node node ? new Edge(node, null) : new Edge(null, (Tensor) link);
        }
        return java.util.Arrays.asList(edges);
    }

    /** Per input: the producing node, a leaf tensor, or null (see {@link #edges()}). */
    Object[] links() {
        return links;
    }

    /** The output shape (not a copy; do not modify). */
    int[] shape() {
        return shape;
    }

    /**
     * The shape of this node's output, a copy. With {@link #edges()} it is all a node tells about itself
     * (the tensors its backward saved stay inside the closure); graph viewers label nodes with it.
     */
    public int[] outputShape() {
        return shape.clone();
    }

    /** Whether a backward pass without retainGraph has already freed this node's saved tensors. */
    public boolean isReleased() {
        return backward == null;
    }

    Backward backward() {
        return backward;
    }

    void release() {
        backward = null;
    }

    @Override
    public String toString() {
        return name + "Backward";
    }
}
