package dev.metagrad.implicit;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.engine.Graph;
import dev.metagrad.linearsolve.LinearOperator;
import dev.metagrad.linearsolve.Solution;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.TreeDef;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The graph node of one {@link RootSolver#solve} call and its backward pass (the implicit function theorem
 * spelled out in {@link RootSolver}).
 *
 * <p>The solution may be a tree of several tensors while a node has one output, so a multi-leaf solution is
 * recorded as one flat vector (the leaves concatenated) and handed out as reshaped slices of it; the slices'
 * own backward assembles the cotangents of all leaves into the one the node receives.
 *
 * <p>The backward evaluates F on fresh variables for z and θ and takes partial derivatives with respect to
 * those only. In a first-order pass they are detached leaves. In a recorded pass ({@code createGraph}) they
 * are identity nodes over the recorded {@code z*} and θ: a gradient taken with respect to the identity node of
 * θ stops there and does not run back through {@code z*} (which depends on θ), so it is the partial
 * derivative, while the recorded result still depends on θ and {@code z*} through the identity nodes.
 */
final class ImplicitGradient {
    private final Optimality optimality;
    private final CustomRootOptions options;
    private final TreeDef zDef;
    private final Object[] args;
    private final int[] argnums;
    private final List<Flattened> diffArgs;
    /** The differentiated arguments' leaves, in argnums order then leaf order: the node's inputs. */
    private final Tensor[] inputs;
    /** The solution's leaves as handed out (set once the node is recorded). */
    private List<Tensor> outLeaves;

    private ImplicitGradient(Optimality optimality, CustomRootOptions options, TreeDef zDef, Object[] args,
                             int[] argnums, List<Flattened> diffArgs, Tensor[] inputs) {
        this.optimality = optimality;
        this.options = options;
        this.zDef = zDef;
        this.args = args;
        this.argnums = argnums;
        this.diffArgs = diffArgs;
        this.inputs = inputs;
    }

    /** The solution as fresh tensors, connected through one implicit-gradient node when anything is recorded. */
    static Object connect(Optimality optimality, CustomRootOptions options, Flattened z, Object[] args, int[] argnums,
                          List<Flattened> diffArgs) {
        List<Tensor> in = new ArrayList<>();
        for (Flattened flat : diffArgs) {
            in.addAll(flat.leaves());
        }
        Tensor[] inputs = in.toArray(new Tensor[0]);
        List<Tensor> values = z.leaves();
        if (!Graph.isRecording(inputs)) {
            List<Tensor> fresh = new ArrayList<>(values.size());
            for (Tensor v : values) {
                fresh.add(v.detach());
            }
            return z.def().unflatten(fresh);
        }
        ImplicitGradient node = new ImplicitGradient(optimality, options, z.def(), args, argnums, diffArgs, inputs);
        if (values.size() == 1) {
            Tensor out = Graph.record("CustomRoot", values.get(0).detach(), node::backward, inputs);
            node.outLeaves = List.of(out);
        } else {
            Tensor flat = Graph.record("CustomRoot", concatenate(values), node::backward, inputs);
            List<Tensor> leaves = new ArrayList<>(values.size());
            int offset = 0;
            for (Tensor v : values) {
                leaves.add(flat.narrow(0, offset, v.numel()).reshape(v.shape()));
                offset += v.numel();
            }
            node.outLeaves = Collections.unmodifiableList(leaves);
        }
        return z.def().unflatten(node.outLeaves);
    }

    private static Tensor concatenate(List<Tensor> values) {
        int total = 0;
        for (Tensor v : values) {
            total += v.numel();
        }
        double[] data = new double[total];
        int offset = 0;
        for (Tensor v : values) {
            double[] d = v.toDoubleArray();
            System.arraycopy(d, 0, data, offset, d.length);
            offset += d.length;
        }
        return Tensor.of(data, values.get(0).dtype(), total);
    }

    /** The cotangent of the node's output split into one per solution leaf. */
    private List<Tensor> split(Tensor g) {
        if (outLeaves.size() == 1) {
            return List.of(g);
        }
        List<Tensor> parts = new ArrayList<>(outLeaves.size());
        int offset = 0;
        for (Tensor leaf : outLeaves) {
            parts.add(g.narrow(0, offset, leaf.numel()).reshape(leaf.shape()));
            offset += leaf.numel();
        }
        return parts;
    }

    private Tensor[] backward(Tensor g) {
        // the engine runs this closure with grad mode equal to its createGraph flag
        boolean higher = GradMode.isEnabled();
        boolean[] need = new boolean[inputs.length];
        boolean any = false;
        for (int i = 0; i < inputs.length; i++) {
            need[i] = inputs[i].requiresGrad();
            any |= need[i];
        }
        Tensor[] grads = new Tensor[inputs.length];
        if (!any) {
            return grads;
        }
        List<Tensor> zVars = new ArrayList<>(outLeaves.size());
        Tensor[] thetaVars = new Tensor[inputs.length];
        Object residual;
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            for (Tensor out : outLeaves) {
                zVars.add(higher ? alias(out) : out.detach().requiresGrad(true));
            }
            for (int i = 0; i < inputs.length; i++) {
                Tensor x = inputs[i];
                thetaVars[i] = !need[i] ? (higher ? x : x.detach()) : higher ? alias(x) : x.detach().requiresGrad(true);
            }
            Object[] fArgs = args.clone();
            int next = 0;
            for (int j = 0; j < argnums.length; j++) {
                Flattened flat = diffArgs.get(j);
                int n = flat.leaves().size();
                fArgs[argnums[j] - 1] = flat.def().unflatten(Arrays.asList(thetaVars).subList(next, next + n));
                next += n;
            }
            residual = optimality.residual(zDef.unflatten(zVars), Collections.unmodifiableList(Arrays.asList(fArgs)));
        }
        List<Tensor> fLeaves = likeSolution(residual, "the optimality function returned");
        // residual leaves that depend on nothing differentiable contribute no term to either product
        List<Integer> live = new ArrayList<>();
        for (int k = 0; k < fLeaves.size(); k++) {
            if (fLeaves.get(k).requiresGrad()) {
                live.add(k);
            }
        }
        Tensor[] fOut = select(fLeaves, live);
        Tensor[] zIn = zVars.toArray(new Tensor[0]);

        LinearOperator mop = u -> {
            List<Tensor> us = likeSolution(u, "the linear solver applied the operator to");
            if (fOut.length == 0) {
                return zDef.unflatten(zerosLike(zVars));
            }
            Tensor[] seeds = select(us, live);
            // recorded when the solver differentiates the operator (a transpose through autograd) or the
            // whole backward is recorded
            boolean create = higher || anyRequiresGrad(seeds);
            Tensor[] r = Autograd.gradOf(fOut).inputs(zIn).gradOutputs(seeds).retainGraph(true).createGraph(create)
                    .materializeGrads(true).compute();
            return zDef.unflatten(List.of(r));
        };

        List<Tensor> cotangent = split(g);
        List<Tensor> negated = new ArrayList<>(cotangent.size());
        for (Tensor c : cotangent) {
            negated.add(c.neg());
        }
        Solution solution = options.solve().solve(mop, zDef.unflatten(negated));
        report(solution);
        List<Tensor> u = likeSolution(solution.x(), "the linear solver returned");

        List<Tensor> wrt = new ArrayList<>();
        List<Integer> wrtIndex = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (need[i]) {
                wrt.add(thetaVars[i]);
                wrtIndex.add(i);
            }
        }
        Tensor[] partial;
        if (fOut.length == 0) {
            partial = zerosLike(wrt).toArray(new Tensor[0]);
        } else {
            partial = Autograd.gradOf(fOut).inputs(wrt).gradOutputs(select(u, live)).retainGraph(true)
                    .createGraph(higher).materializeGrads(true).compute();
        }
        for (int k = 0; k < partial.length; k++) {
            // a first-order gradient may still hang on the private variables when the solver recorded
            grads[wrtIndex.get(k)] = higher ? partial[k] : partial[k].detach();
        }
        return grads;
    }

    private void report(Solution solution) {
        Consumer<Solution> listener = options.onLinearSolve();
        if (listener != null) {
            listener.accept(solution);
        }
        if (options.requireConvergence() && !solution.converged()) {
            throw new LinearSolveNotConvergedException(solution);
        }
    }

    /** The leaves of {@code tree}, checked to have the solution's structure and leaf shapes. */
    private List<Tensor> likeSolution(Object tree, String what) {
        Flattened flat;
        try {
            flat = Trees.flatten(tree);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("customRoot: " + what + " something that is not a tree of tensors: "
                    + e.getMessage(), e);
        }
        if (!flat.def().equals(zDef)) {
            throw new IllegalStateException("customRoot: " + what + " a tree of structure " + flat.def()
                    + " but the solution has structure " + zDef + "; F(z, args) must be shaped like z");
        }
        for (int k = 0; k < flat.leaves().size(); k++) {
            int[] shape = flat.leaves().get(k).shape();
            int[] expected = outLeaves.get(k).shape();
            if (!Arrays.equals(shape, expected)) {
                throw new IllegalStateException("customRoot: " + what + " a leaf " + k + " of shape "
                        + Shape.str(shape) + " where the solution's leaf has shape " + Shape.str(expected)
                        + "; F(z, args) must be shaped like z");
            }
        }
        return flat.leaves();
    }

    /** An identity node: differentiating with respect to it stops here, while its value stays on x's graph. */
    private static Tensor alias(Tensor x) {
        return Graph.record("ImplicitAlias", Tensor.wrap(x.storage(), x.shape()), gr -> new Tensor[] {gr}, x);
    }

    private static Tensor[] select(List<Tensor> leaves, List<Integer> indices) {
        Tensor[] out = new Tensor[indices.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = leaves.get(indices.get(k));
        }
        return out;
    }

    private static List<Tensor> zerosLike(List<Tensor> tensors) {
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            out.add(Tensor.zerosLike(t));
        }
        return out;
    }

    private static boolean anyRequiresGrad(Tensor[] tensors) {
        for (Tensor t : tensors) {
            if (t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }
}
