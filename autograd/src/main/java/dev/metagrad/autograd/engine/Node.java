package dev.metagrad.autograd.engine;

import dev.metagrad.autograd.Tensor;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * One recorded op in the autograd graph: its name, its input tensors and its {@link Backward}. The
 * closure holds the tensors the backward needs; {@link #release()} drops it after a backward pass that
 * does not retain the graph, which is what keeps long training loops at a flat heap.
 */
public final class Node {
    private final String name;
    private final Tensor[] inputs;
    private volatile Backward backward;
    /** The {@link Pass} that may write {@link #position}; stays set after it finishes, until another claims. */
    volatile Object owner;
    /** Position in the owner's topological order (-1 while being visited). */
    int position;

    static final AtomicReferenceFieldUpdater<Node, Object> OWNER =
            AtomicReferenceFieldUpdater.newUpdater(Node.class, Object.class, "owner");

    Node(String name, Tensor[] inputs, Backward backward) {
        this.name = name;
        this.inputs = inputs;
        this.backward = backward;
    }

    /** The op's name, e.g. {@code "mul"}. */
    public String name() {
        return name;
    }

    /** The op's inputs in order (entries may be null for optional inputs). */
    public List<Tensor> inputs() {
        return java.util.Arrays.asList(inputs.clone());
    }

    Tensor[] inputArray() {
        return inputs;
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
