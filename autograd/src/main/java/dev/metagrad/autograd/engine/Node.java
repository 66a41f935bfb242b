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
        static Edge of(Tensor input) {
            if (input == null) {
                return null;
            }
            if (input.gradFn() != null) {
                return new Edge(input.gradFn(), null);
            }
            return input.requiresGrad() ? new Edge(null, input) : null;
        }

        /** Whether the gradient along this edge is wanted now (a leaf may have stopped requiring grad). */
        boolean live() {
            return node != null || leaf.requiresGrad();
        }
    }

    private final String name;
    private final Edge[] edges;
    private final int[][] inputShapes;
    private volatile Backward backward;
    /** The {@link Pass} that may write {@link #position}; stays set after it finishes, until another claims. */
    volatile Object owner;
    /** Position in the owner's topological order (-1 while being visited). */
    int position;

    static final AtomicReferenceFieldUpdater<Node, Object> OWNER =
            AtomicReferenceFieldUpdater.newUpdater(Node.class, Object.class, "owner");

    Node(String name, Tensor[] inputs, Backward backward) {
        this.name = name;
        this.edges = new Edge[inputs.length];
        this.inputShapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            edges[i] = Edge.of(inputs[i]);
            if (edges[i] != null) {
                inputShapes[i] = inputs[i].shape();
            }
        }
        this.backward = backward;
    }

    /** The op's name, e.g. {@code "mul"}. */
    public String name() {
        return name;
    }

    /** One edge per input, in input order; null for inputs that were constants or absent. */
    public List<Edge> edges() {
        return java.util.Arrays.asList(edges.clone());
    }

    Edge[] edgeArray() {
        return edges;
    }

    /** The shape input {@code i} had (null for inputs without an edge). */
    int[] inputShape(int i) {
        return inputShapes[i];
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
