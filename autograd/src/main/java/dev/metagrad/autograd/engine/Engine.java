package dev.metagrad.autograd.engine;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse-mode differentiation over the recorded graph, with torch.autograd semantics. Gradients are
 * accumulated per tensor (keyed by its node, or by the tensor itself for leaves), nodes run in reverse
 * topological order, and only nodes on a path to a requested input run. With {@code createGraph} the
 * backward closures run with recording enabled, so the gradients carry a graph of their own.
 */
public final class Engine {
    private Engine() {
    }

    /**
     * Runs a backward pass.
     *
     * @param outputs      tensors to differentiate; each must require grad
     * @param gradOutputs  seed gradient per output; a null entry (or null array) means ones, allowed only
     *                     for single-element outputs
     * @param inputs       tensors to return gradients for, or null to accumulate into every reachable leaf's
     *                     {@code grad} (the {@code backward()} mode)
     * @param accumulate   when true, gradients for {@code inputs} are added into their {@code grad} instead of returned
     * @return one gradient per input (null where unused and {@code allowUnused}); empty when accumulating
     */
    public static Tensor[] run(Tensor[] outputs, Tensor[] gradOutputs, Tensor[] inputs, boolean retainGraph,
                               boolean createGraph, boolean allowUnused, boolean materializeGrads,
                               boolean accumulate) {
        String op = accumulate ? "backward" : "grad";
        if (outputs.length == 0) {
            throw new IllegalArgumentException(op + ": no outputs given");
        }
        if (gradOutputs != null && gradOutputs.length != outputs.length) {
            throw new IllegalArgumentException(op + ": got " + outputs.length + " outputs but " + gradOutputs.length
                    + " gradOutputs; pass one per output");
        }
        Tensor[] seeds = new Tensor[outputs.length];
        List<Node> roots = new ArrayList<>();
        Pass pass = new Pass();
        try (GradMode.Scope scope = GradMode.set(createGraph)) {
            for (int i = 0; i < outputs.length; i++) {
                Tensor out = outputs[i];
                if (!out.requiresGrad()) {
                    throw new IllegalArgumentException(op + ": output " + i + " (shape " + Shape.str(out.shape())
                            + ") does not require grad and has no grad_fn; nothing to differentiate");
                }
                Tensor seed = gradOutputs == null ? null : gradOutputs[i];
                if (seed == null) {
                    if (out.numel() != 1) {
                        throw new IllegalArgumentException(op + ": output " + i + " has shape " + Shape.str(out.shape())
                                + " but no gradOutputs were given; pass one, or reduce to a scalar first");
                    }
                    seed = Tensor.onesLike(out);
                } else if (!Arrays.equals(seed.shape(), out.shape())) {
                    throw new IllegalArgumentException(op + ": gradOutputs[" + i + "] has shape " + Shape.str(seed.shape())
                            + " but output " + i + " has shape " + Shape.str(out.shape()));
                } else if (seed.dtype() != out.dtype()) {
                    throw new IllegalArgumentException(op + ": gradOutputs[" + i + "] is " + seed.dtype()
                            + " but output " + i + " is " + out.dtype());
                }
                seeds[i] = seed;
                if (out.gradFn() != null) {
                    roots.add(out.gradFn());
                }
            }

            List<Node> order = topologicalOrder(roots, pass, shallowestTarget(inputs));
            // targets by kind: nodes flagged by topological position, leaves in an identity set. Hashing
            // nodes instead would install an identity hash in every node of a fresh graph (each lookup of
            // a link), which cost about a tenth of a second-order MAML step.
            boolean[] nodeTargets = new boolean[order.size()];
            LeafTargets leafTargets = new LeafTargets();
            if (inputs != null) {
                for (int i = 0; i < inputs.length; i++) {
                    Tensor in = inputs[i];
                    if (!in.requiresGrad()) {
                        if (allowUnused) {
                            continue;
                        }
                        throw new IllegalArgumentException(op + ": input " + i + " (shape " + Shape.str(in.shape())
                                + ") does not require grad; call requiresGrad(true) on it or pass allowUnused");
                    }
                    if (in.gradFn() == null) {
                        leafTargets.add(in);
                    } else {
                        int slot = pass.position(in.gradFn());
                        // a node the outputs do not reach gets no gradient; pending() reports it as unused
                        if (slot >= 0) {
                            nodeTargets[slot] = true;
                        }
                    }
                }
            }
            // null when every node is needed (backward() into all leaves): skips work as large as the graph
            boolean[] needed = inputs == null ? null : neededNodes(order, pass, nodeTargets, leafTargets);
            // pending gradients: of a node in the slot of its topological position, of a leaf in the map
            Tensor[] nodeGrads = new Tensor[order.size()];
            Map<Tensor, Tensor> leafGrads = new IdentityHashMap<>();
            for (int i = 0; i < outputs.length; i++) {
                accumulate(outputs[i].gradFn(), outputs[i], seeds[i], pass, nodeGrads, leafGrads);
            }

            for (int n = order.size() - 1; n >= 0; n--) {
                Node node = order.get(n);
                if (needed != null && !needed[n]) {
                    continue;
                }
                Tensor g = nodeGrads[n];
                // targets keep their gradient for the result; others drop it so the memory can go
                if (!nodeTargets[n]) {
                    nodeGrads[n] = null;
                }
                if (g == null) {
                    continue;
                }
                Backward backward = node.backward();
                if (backward == null) {
                    throw new IllegalStateException(op + ": trying to backward through the graph a second time: the saved"
                            + " tensors of " + node + " were freed by an earlier backward; pass retainGraph(true) to"
                            + " the first backward or grad call if you need to differentiate twice");
                }
                Object[] links = node.links();
                Tensor[] gs = backward.apply(g);
                if (gs.length != links.length) {
                    throw new IllegalStateException(op + ": the backward of " + node.name() + " returned " + gs.length
                            + " gradients for " + links.length + " inputs");
                }
                for (int i = 0; i < links.length; i++) {
                    Object link = links[i];
                    Tensor gi = gs[i];
                    if (link == null || gi == null) {
                        continue;
                    }
                    Node inNode = link instanceof Node produced ? produced : null;
                    Tensor leaf = inNode == null ? (Tensor) link : null;
                    if (leaf != null && !leaf.requiresGrad()) {
                        continue;
                    }
                    int inSlot = inNode == null ? -1 : pass.position(inNode);
                    if (inNode != null && inSlot < 0) {
                        // behind every target (see shallowestTarget): not walked, and no gradient is due there
                        continue;
                    }
                    boolean target = inputs == null ? leaf != null
                            : leaf != null ? leafTargets.contains(leaf) : nodeTargets[inSlot];
                    if (!target && (leaf != null || (needed != null && !needed[inSlot]))) {
                        continue;
                    }
                    int[] shape = inNode != null ? inNode.shape() : null;
                    if (shape != null ? !sameShape(gi, shape) : !sameShape(gi, leaf)) {
                        throw new IllegalStateException(op + ": the backward of " + node.name() + " returned a gradient of"
                                + " shape " + Shape.str(gi.shape()) + " for input " + i + " of shape "
                                + Shape.str(shape != null ? shape : leaf.shape()));
                    }
                    accumulate(inNode, leaf, gi, pass, nodeGrads, leafGrads);
                }
                if (!retainGraph) {
                    node.release();
                }
            }

            if (inputs == null) {
                for (Map.Entry<Tensor, Tensor> e : leafGrads.entrySet()) {
                    Tensor leaf = e.getKey();
                    if (leaf.gradFn() == null && leaf.requiresGrad()) {
                        leaf.accumulateGrad(e.getValue());
                    }
                }
                return new Tensor[0];
            }
            Tensor[] result = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                Tensor g = inputs[i].requiresGrad() ? pending(inputs[i], pass, nodeGrads, leafGrads) : null;
                if (g == null) {
                    if (materializeGrads) {
                        g = Tensor.zerosLike(inputs[i]);
                    } else if (!allowUnused) {
                        throw new IllegalArgumentException(op + ": input " + i + " (shape " + Shape.str(inputs[i].shape())
                                + ") was not used to compute the outputs; pass allowUnused to get null for it");
                    }
                }
                if (accumulate && g != null) {
                    inputs[i].accumulateGrad(g);
                } else {
                    result[i] = g;
                }
            }
            return accumulate ? new Tensor[0] : result;
        } finally {
            pass.finish();
        }
    }

    /** {@code Arrays.equals(x.shape(), y.shape())} without the defensive copies {@code shape()} makes. */
    private static boolean sameShape(Tensor x, Tensor y) {
        int rank = x.dim();
        if (rank != y.dim()) {
            return false;
        }
        for (int d = 0; d < rank; d++) {
            if (x.size(d) != y.size(d)) {
                return false;
            }
        }
        return true;
    }

    /** {@code Arrays.equals(x.shape(), shape)} without the defensive copy {@code shape()} makes. */
    private static boolean sameShape(Tensor x, int[] shape) {
        int rank = x.dim();
        if (rank != shape.length) {
            return false;
        }
        for (int d = 0; d < rank; d++) {
            if (x.size(d) != shape[d]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds {@code g} to the pending gradient of the tensor produced by {@code node}, or of {@code leaf} when
     * node is null ({@code old.add(g)}, as Map.merge did).
     */
    private static void accumulate(Node node, Tensor leaf, Tensor g, Pass pass, Tensor[] nodeGrads,
                                   Map<Tensor, Tensor> leafGrads) {
        if (node == null) {
            leafGrads.merge(leaf, g, Tensor::add);
            return;
        }
        int slot = pass.position(node);
        Tensor old = nodeGrads[slot];
        nodeGrads[slot] = old == null ? g : old.add(g);
    }

    /** The pending gradient of {@code t}, or null (also for a node the outputs do not reach). */
    private static Tensor pending(Tensor t, Pass pass, Tensor[] nodeGrads, Map<Tensor, Tensor> leafGrads) {
        Node node = t.gradFn();
        if (node == null) {
            return leafGrads.get(t);
        }
        int slot = pass.position(node);
        return slot < 0 ? null : nodeGrads[slot];
    }

    /**
     * Post-order (inputs before the nodes that use them) of every node reachable from the roots.
     *
     * @param pass records every visited node's position in the returned order
     */
    static List<Node> topologicalOrder(List<Node> roots, Pass pass) {
        return topologicalOrder(roots, pass, 0);
    }

    /**
     * The smallest {@link Node#depth} of the requested inputs when all of them are produced tensors, else 0.
     * A node shallower than every target depends on none of them, and neither do its inputs, so no gradient
     * for a target flows through it: the walk need not enter it. (Inner steps of an unrolled optimisation
     * ask for the latest parameters; without this each step would walk the whole history behind them.)
     */
    private static int shallowestTarget(Tensor[] inputs) {
        if (inputs == null || inputs.length == 0) {
            return 0;
        }
        int min = Integer.MAX_VALUE;
        for (Tensor in : inputs) {
            Node node = in.gradFn();
            if (node == null) {
                return 0;
            }
            min = Math.min(min, node.depth);
        }
        return min;
    }

    /**
     * As {@link #topologicalOrder(List, Pass)}, not entering nodes shallower than {@code minDepth} (roots
     * are always visited); nodes not entered have no position ({@link Pass#position} -1).
     */
    static List<Node> topologicalOrder(List<Node> roots, Pass pass, int minDepth) {
        List<Node> order = new ArrayList<>();
        // explicit DFS stack of (node, index of the next input to visit); plain arrays, no boxed cursors
        Node[] stack = new Node[16];
        int[] cursor = new int[16];
        for (Node root : roots) {
            if (!pass.visit(root)) {
                continue;
            }
            int top = 0;
            stack[0] = root;
            cursor[0] = 0;
            while (top >= 0) {
                Node node = stack[top];
                int i = cursor[top];
                Object[] links = node.links();
                Node next = null;
                while (i < links.length) {
                    if (links[i++] instanceof Node in && in.depth >= minDepth && pass.visit(in)) {
                        next = in;
                        break;
                    }
                }
                if (next != null) {
                    cursor[top] = i;
                    if (++top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                        cursor = Arrays.copyOf(cursor, top * 2);
                    }
                    stack[top] = next;
                    cursor[top] = 0;
                } else {
                    stack[top--] = null;
                    pass.setPosition(node, order.size());
                    order.add(node);
                }
            }
        }
        return order;
    }

    /**
     * Whether each node, by topological position, is on a path to a target, computed bottom-up over the
     * post-order (every input of a node comes before it, so its flags are final when the node is reached).
     */
    private static boolean[] neededNodes(List<Node> order, Pass pass, boolean[] nodeTargets, LeafTargets leafTargets) {
        boolean[] needed = new boolean[order.size()];
        for (int p = 0; p < needed.length; p++) {
            for (Object link : order.get(p).links()) {
                boolean hit;
                if (link instanceof Node in) {
                    int q = pass.position(in);
                    hit = q >= 0 && (nodeTargets[q] || needed[q]);
                } else {
                    hit = link instanceof Tensor leaf && leaf.requiresGrad() && leafTargets.contains(leaf);
                }
                if (hit) {
                    needed[p] = true;
                    break;
                }
            }
        }
        return needed;
    }
}
