package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Tensor;

import java.util.Arrays;

/** Gradient bookkeeping for broadcasting. */
public final class Broadcast {
    private Broadcast() {
    }

    /**
     * Sums a gradient of the broadcast shape back to an operand's own {@code shape}: over the leading
     * dims the operand lacks and over the dims where it has size 1. Differentiable.
     */
    public static Tensor reduceTo(Tensor grad, int[] shape) {
        int[] gs = grad.shape();
        if (Arrays.equals(gs, shape)) {
            return grad;
        }
        int lead = gs.length - shape.length;
        int count = 0;
        int[] dims = new int[gs.length];
        for (int i = 0; i < gs.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && gs[i] != 1)) {
                dims[count++] = i;
            }
        }
        Tensor summed = count == 0 ? grad : Reductions.sum(grad, Arrays.copyOf(dims, count), true);
        return Views.reshape(summed, shape);
    }
}
