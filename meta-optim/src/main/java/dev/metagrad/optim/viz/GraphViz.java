package dev.metagrad.optim.viz;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.engine.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * TorchOpt's {@code make_dot}: the autograd graph behind a tensor as Graphviz DOT text, drawn the way torchviz
 * draws it.
 *
 * <ul>
 *   <li>Every autograd {@link Node} is a grey box labelled with its op, e.g. {@code mulBackward}.</li>
 *   <li>Every leaf that requires grad and feeds the graph is a light blue box labelled with its name in
 *       {@code namedParams} and its shape, e.g. {@code fc.weight\n(8, 4)}, or with its shape alone when it is
 *       not named. metagrad has no {@code AccumulateGrad} nodes, so a leaf links straight to the node that
 *       used it, where torchviz draws {@code leaf -> AccumulateGrad -> node}.</li>
 *   <li>The output tensor is a green ({@code darkolivegreen1}) box labelled with its shape (or its name).</li>
 *   <li>Edges run as torchviz draws them: from an input (the node that produced it, or the leaf) to the node
 *       that consumed it, and from the output's node to the output; backward walks them in reverse. An op
 *       that used the same input twice ({@code x.mul(x)}) gets two edges. Constant inputs (tensors that did
 *       not require grad) are not part of the graph and are not drawn.</li>
 * </ul>
 *
 * <p>The node ids ({@code n0}, {@code n1}, ...) are given in visiting order, so the same graph always gives
 * the same text. The walk is iterative: a graph thousands of ops deep (a meta-optimizer state that was never
 * detached) is drawn without overflowing the stack.
 */
public final class GraphViz {
    private static final String NODE_STYLE =
            "node [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]";

    private GraphViz() {
    }

    /** {@link #makeDot(Tensor, Map, boolean, boolean)} without names and without extra attributes. */
    public static Dot makeDot(Tensor output) {
        return makeDot(output, null, false, false);
    }

    /** {@link #makeDot(Tensor, Map, boolean, boolean)} without extra attributes. */
    public static Dot makeDot(Tensor output, Map<String, Tensor> namedParams) {
        return makeDot(output, namedParams, false, false);
    }

    /**
     * Draws the graph that produced {@code output}.
     *
     * <p>Our nodes keep only their links and their output shape (the tensors a backward saved live inside its
     * closure and are not inspectable), so the two flags add what that honestly allows, below a dashed line in
     * each node's label, instead of torchviz's attribute values and orange saved-tensor boxes:
     * <ul>
     *   <li>{@code showAttrs}: the node's output shape ({@code shape= (4, 16)}), and {@code released= true}
     *       when a backward pass without retainGraph has already freed its saved tensors;</li>
     *   <li>{@code showSaved}: one line per input with the shape of the tensor that flowed in
     *       ({@code input0= (4, 8)}), taken from the producing node or the leaf, or {@code constant} for an
     *       input that did not require grad (its shape is not recorded).</li>
     * </ul>
     *
     * @param output      the tensor whose history to draw; a leaf gives a graph of that one tensor
     * @param namedParams names for leaves (e.g. {@code module.namedParameters()}); may be null
     * @param showAttrs   whether to add each node's output shape and release status
     * @param showSaved   whether to add the shapes of each node's inputs
     * @return the DOT graph
     * @throws NullPointerException     when {@code output} is null
     * @throws IllegalArgumentException when {@code namedParams} maps a name to null
     */
    public static Dot makeDot(Tensor output, Map<String, Tensor> namedParams, boolean showAttrs, boolean showSaved) {
        Objects.requireNonNull(output, "makeDot: output");
        IdentityHashMap<Tensor, String> names = names(namedParams);
        IdentityHashMap<Object, String> ids = new IdentityHashMap<>();
        List<String> nodeLines = new ArrayList<>();
        List<String> edgeLines = new ArrayList<>();

        String outId = id(ids, output);
        String outLabel = names.containsKey(output) ? names.get(output) + "\n" + shape(output.shape()) : shape(output.shape());
        nodeLines.add(outId + " [label=" + quote(outLabel) + " fillcolor=darkolivegreen1]");
        Node root = output.gradFn();
        if (root != null) {
            Deque<Node> pending = new ArrayDeque<>();
            nodeLines.add(node(ids, root, showAttrs, showSaved));
            pending.push(root);
            edgeLines.add(id(ids, root) + " -> " + outId);
            while (!pending.isEmpty()) {
                Node node = pending.pop();
                String consumer = ids.get(node);
                for (Node.Edge edge : node.edges()) {
                    if (edge == null) {
                        continue;
                    }
                    Object input = edge.node() != null ? edge.node() : edge.leaf();
                    if (!ids.containsKey(input)) {
                        if (edge.node() != null) {
                            nodeLines.add(node(ids, edge.node(), showAttrs, showSaved));
                            pending.push(edge.node());
                        } else {
                            nodeLines.add(leaf(ids, names, edge.leaf()));
                        }
                    }
                    edgeLines.add(ids.get(input) + " -> " + consumer);
                }
            }
        }

        StringBuilder sb = new StringBuilder("digraph {\n\tgraph [size=\"12,12\"]\n\t").append(NODE_STYLE).append('\n');
        nodeLines.forEach(line -> sb.append('\t').append(line).append('\n'));
        edgeLines.forEach(line -> sb.append('\t').append(line).append('\n'));
        return new Dot(sb.append("}\n").toString());
    }

    /** Reverses {@code namedParams}; a tensor under two names (tied weights) keeps the first. */
    private static IdentityHashMap<Tensor, String> names(Map<String, Tensor> namedParams) {
        IdentityHashMap<Tensor, String> names = new IdentityHashMap<>();
        if (namedParams != null) {
            for (Map.Entry<String, Tensor> e : namedParams.entrySet()) {
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("makeDot: namedParams maps '" + e.getKey() + "' to null");
                }
                names.putIfAbsent(e.getValue(), e.getKey());
            }
        }
        return names;
    }

    private static String id(IdentityHashMap<Object, String> ids, Object o) {
        return ids.computeIfAbsent(o, k -> "n" + ids.size());
    }

    private static String node(IdentityHashMap<Object, String> ids, Node node, boolean showAttrs, boolean showSaved) {
        StringBuilder extra = new StringBuilder();
        if (showAttrs) {
            extra.append("shape= ").append(shape(node.outputShape())).append('\n');
            if (node.isReleased()) {
                extra.append("released= true\n");
            }
        }
        if (showSaved) {
            List<Node.Edge> edges = node.edges();
            for (int i = 0; i < edges.size(); i++) {
                Node.Edge e = edges.get(i);
                String in = e == null ? "constant"
                        : e.node() != null ? shape(e.node().outputShape()) : shape(e.leaf().shape());
                extra.append("input").append(i).append("= ").append(in).append('\n');
            }
        }
        String label = node.name() + "Backward";
        if (extra.length() > 0) {
            // torchviz's layout: the op name, a dashed rule as wide as the widest line, then one line per attribute
            int width = label.length();
            for (String line : extra.toString().split("\n")) {
                width = Math.max(width, line.length());
            }
            label = label + "\n" + "-".repeat(width) + "\n" + extra.toString().stripTrailing();
        }
        return id(ids, node) + " [label=" + quote(label) + "]";
    }

    private static String leaf(IdentityHashMap<Object, String> ids, IdentityHashMap<Tensor, String> names, Tensor leaf) {
        String name = names.get(leaf);
        String label = name == null ? shape(leaf.shape()) : name + "\n" + shape(leaf.shape());
        return id(ids, leaf) + " [label=" + quote(label) + " fillcolor=lightblue]";
    }

    /** torchviz's {@code size_to_str}: {@code (4, 16)}, {@code (3)}, {@code ()} for a scalar. */
    static String shape(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /**
     * A DOT double-quoted string: backslashes and quotes are escaped so that a name cannot end the string or
     * start an escape of its own, and line breaks become DOT's {@code \n}.
     */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> { }
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
