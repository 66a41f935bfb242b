package dev.metagrad.tree;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.engine.Graph;

import java.util.List;

/**
 * The L2 norm of many tensors taken as one vector, recorded as a single graph node.
 *
 * <p>Composing per-leaf norms ({@code norm(stack(norm(leaf)...))}, what torch's clip_grad_norm_ does)
 * gives the right value and first derivative, but wrong second derivatives wherever one leaf is exactly
 * zero and the others are not (a freshly initialised bias): the inner norm is not differentiable there.
 * One node over all leaves has the derivative {@code leaf / norm}, written with differentiable ops on the
 * recorded output, so it is exact to every order away from the origin. At the origin the gradient is
 * zero, as torch's norm and {@link dev.metagrad.autograd.ops.Reductions#norm} define it.
 */
final class TreeNorm {
    private TreeNorm() {
    }

    /** {@code sqrt(sum over leaves of sum(leaf^2))}; the leaves share one floating dtype and there is at least one. */
    static Tensor of(List<Tensor> leaves) {
        Tensor[] inputs = leaves.toArray(new Tensor[0]);
        Tensor squares;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            squares = inputs[0].square().sum();
            for (int i = 1; i < inputs.length; i++) {
                squares = squares.add(inputs[i].square().sum());
            }
            squares = squares.sqrt();
        }
        // a fresh tensor, so the node never attaches to a tensor computed above
        Tensor out = Tensor.wrap(squares.storage(), squares.shape());
        return Graph.record("treeNorm", out, g -> {
            boolean atOrigin = out.item() == 0.0;
            Tensor[] grads = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i].requiresGrad()) {
                    // x * 0 rather than zeros keeps the zero gradient connected for higher orders
                    grads[i] = atOrigin ? inputs[i].mul(0.0).mul(g) : inputs[i].div(out).mul(g);
                }
            }
            return grads;
        }, inputs);
    }
}
