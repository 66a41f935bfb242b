package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.TreeMath;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * Ways to build {@link LinearOperator}s: from a matrix, with a ridge, transposed through autograd, and the
 * normal operator {@code AᵀA} (TorchOpt's {@code make_ridge_matvec}, {@code make_rmatvec},
 * {@code make_normal_matvec}).
 */
public final class LinearOperators {
    private LinearOperators() {
    }

    /**
     * The operator {@code v ↦ M v} of a square matrix {@code M [n, n]} on vectors {@code [n]}; a 0-dim
     * {@code M} is the scalar operator {@code v ↦ M · v} on 0-dim {@code v}.
     *
     * @throws IllegalArgumentException when {@code M} is neither square nor 0-dim
     */
    public static LinearOperator matrix(Tensor m) {
        if (m == null) {
            throw new IllegalArgumentException("matrix: M is null");
        }
        if (m.dim() == 0) {
            return v -> requireTensor("matrix", v, m).mul(m);
        }
        if (m.dim() != 2 || m.shape()[0] != m.shape()[1]) {
            throw new IllegalArgumentException("matrix: M must be a square matrix [n, n] or 0-dim, got shape "
                    + Shape.str(m.shape()));
        }
        return v -> m.matmul(requireTensor("matrix", v, m));
    }

    private static Tensor requireTensor(String op, Object v, Tensor m) {
        if (!(v instanceof Tensor t)) {
            throw new IllegalArgumentException(op + ": the operator of a " + Shape.str(m.shape())
                    + " matrix acts on a single tensor, got a tree");
        }
        if (m.dim() == 0 ? t.dim() != 0 : t.dim() != 1 || t.shape()[0] != m.shape()[1]) {
            throw new IllegalArgumentException(op + ": M of shape " + Shape.str(m.shape()) + " cannot act on a vector of shape "
                    + Shape.str(t.shape()) + (m.dim() == 0 ? "; a 0-dim M acts on 0-dim vectors" : ""));
        }
        return t;
    }

    /**
     * {@code v ↦ A v + ridge · v}, the operator of {@code A + ridge I}; {@code a} itself when ridge is 0.
     *
     * @throws IllegalArgumentException when ridge is not finite
     */
    public static LinearOperator withRidge(LinearOperator a, double ridge) {
        Checks.finite("withRidge", "ridge", ridge);
        if (ridge == 0.0) {
            return a;
        }
        return v -> TreeMath.axpy(ridge, v, a.apply(v));
    }

    /**
     * The transpose {@code y ↦ Aᵀ y}, computed as the vector-Jacobian product of {@code A} (TorchOpt's
     * {@code make_rmatvec}): {@code A} is applied once to a copy of {@code example} and each call
     * back-propagates {@code y} through that graph. When grad mode is on at the call, the products are recorded, so they
     * can be differentiated with respect to {@code y} and to whatever {@code A} closes over.
     *
     * <p>{@code A} must be written with differentiable tensor ops: the graph is all there is to transpose. Parts
     * of it may ignore parts of the input (those input leaves get zero, output leaves that depend on no input add
     * nothing), but an {@code A} whose output is not connected to its input at all, because it computes under
     * {@code noGrad}, on detached tensors or from plain arrays, has no recorded Jacobian, and is refused rather than
     * transposed to zero (as {@code torch.autograd.grad} refuses it).
     *
     * @param a       a linear operator built from differentiable tensor ops
     * @param example a tree in {@code A}'s domain (its values do not matter for a linear {@code A})
     * @throws IllegalArgumentException when {@code A} does not map {@code example} to a tree of its shape, or (here or
     *                                  at the first call) when its output is not connected to its input
     */
    public static LinearOperator transpose(LinearOperator a, Object example) {
        Flattened flat = Trees.flatten(example);
        List<Tensor> inputs = new ArrayList<>(flat.leaves().size());
        Object image;
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            for (Tensor leaf : flat.leaves()) {
                inputs.add(leaf.detach().requiresGrad(true));
            }
            image = a.apply(flat.def().unflatten(inputs));
        }
        Checks.like("transpose", "A x", image, flat);
        List<Tensor> outputs = Trees.leaves(image);
        // an output that does not depend on anything differentiable contributes nothing to Aᵀy
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).requiresGrad()) {
                live.add(i);
            }
        }
        if (live.isEmpty()) {
            throw notConnected();
        }
        Tensor[] outs = new Tensor[live.size()];
        for (int j = 0; j < outs.length; j++) {
            outs[j] = outputs.get(live.get(j));
        }
        Tensor[] ins = inputs.toArray(new Tensor[0]);
        return y -> {
            Checks.like("transpose", "y", y, flat);
            List<Tensor> seeds = Trees.leaves(y);
            Tensor[] used = new Tensor[outs.length];
            for (int j = 0; j < used.length; j++) {
                used[j] = seeds.get(live.get(j));
            }
            // recorded only when the caller records, so a no-grad solve builds no graph
            boolean record = GradMode.isEnabled();
            Tensor[] grads;
            try (GradMode.Scope scope = GradMode.enableGrad()) {
                // null marks an input the graph does not reach: zero when some other input is reached
                grads = Autograd.gradOf(outs).inputs(ins).gradOutputs(used).retainGraph(true).createGraph(record)
                        .allowUnused(true).compute();
            }
            boolean connected = false;
            for (int i = 0; i < grads.length; i++) {
                if (grads[i] == null) {
                    grads[i] = Tensor.zerosLike(ins[i]);
                } else {
                    connected = true;
                }
            }
            if (!connected) {
                throw notConnected();
            }
            return flat.def().unflatten(List.of(grads));
        };
    }

    private static IllegalArgumentException notConnected() {
        return new IllegalArgumentException("transpose: the operator's output is not connected to its input in the"
                + " autograd graph (it was computed under noGrad, from detached tensors or from plain arrays), so Aᵀ"
                + " cannot be taken as its vector-Jacobian product; Aᵀ (solveNormalCg, normal) needs a matvec built from"
                + " differentiable tensor ops");
    }

    /**
     * The normal operator {@code v ↦ Aᵀ(A v)}, with {@code Aᵀ} from {@link #transpose}.
     *
     * @param example a tree in {@code A}'s domain
     */
    public static LinearOperator normal(LinearOperator a, Object example) {
        LinearOperator at = transpose(a, example);
        return v -> at.apply(a.apply(v));
    }
}
