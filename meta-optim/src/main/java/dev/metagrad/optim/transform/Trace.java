package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.state.TraceState;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Momentum (TorchOpt {@code trace}), per leaf:
 * <pre>
 *   first call:  buf = buf + g                  (buf is 0 after init, so buf = g: no (1 − dampening) factor)
 *   later:       buf = momentum · buf + (1 − dampening) · g
 *   u = g + momentum · buf   if nesterov   else   buf
 * </pre>
 * As in TorchOpt the "first call" flag belongs to this transformation object, not to the state: after the first
 * {@code update}, a second {@code init} of the same object starts with {@code momentum · 0 + (1 − dampening) · g}
 * (FORMAT-torchopt.md section 11.7). Create a new transformation for an independent run when dampening is not 0.
 */
public final class Trace implements GradientTransformation {
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final boolean momentRequiresGrad;
    /** TorchOpt's {@code first_call} closure variable; the only mutable field of any transformation here. */
    private final AtomicBoolean firstCall = new AtomicBoolean(true);

    /**
     * @throws IllegalArgumentException when {@code momentum < 0}, or {@code nesterov} without momentum or with
     *                                  dampening
     */
    public Trace(double momentum, double dampening, boolean nesterov, boolean momentRequiresGrad) {
        this.momentum = Arguments.nonNegative("momentum", momentum);
        this.dampening = dampening;
        if (nesterov && (momentum <= 0.0 || dampening != 0.0)) {
            throw new IllegalArgumentException("nesterov momentum requires momentum > 0 and dampening == 0, got momentum "
                    + momentum + ", dampening " + dampening);
        }
        this.nesterov = nesterov;
        this.momentRequiresGrad = momentRequiresGrad;
    }

    @Override
    public OptState init(Object params) {
        return new TraceState(Trees.map(params, p -> Tensor.zerosLike(p).requiresGrad(momentRequiresGrad)));
    }

    @Override
    public Update update(Object updates, OptState state, Object params, boolean inplace) {
        TraceState s = Leaves.state("trace", state, TraceState.class);
        Flattened g = Trees.flatten(updates);
        List<Tensor> buf = Leaves.matching("trace", "trace", s.trace(), g.leaves().size());
        boolean first = firstCall.getAndSet(false);
        List<Tensor> nextBuf = new ArrayList<>(buf.size());
        List<Tensor> out = new ArrayList<>(buf.size());
        for (int i = 0; i < buf.size(); i++) {
            Tensor gi = g.leaves().get(i);
            Tensor b = first ? buf.get(i).add(gi)
                    : nesterov ? buf.get(i).mul(momentum).add(gi)
                    : buf.get(i).mul(momentum).add(gi.mul(1.0 - dampening));
            nextBuf.add(b);
            out.add(nesterov ? gi.add(b.mul(momentum)) : b);
        }
        return new Update(g.def().unflatten(out), new TraceState(g.def().unflatten(nextBuf)));
    }
}
