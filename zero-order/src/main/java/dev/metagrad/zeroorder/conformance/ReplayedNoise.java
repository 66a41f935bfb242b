package dev.metagrad.zeroorder.conformance;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.zeroorder.Samplable;

import java.util.List;

/**
 * A {@link Samplable} that returns recorded noise in the order it was drawn (sample-major, then
 * argnums order, as TorchOpt and {@code ZeroOrder} draw it), ignoring the generator.
 */
final class ReplayedNoise implements Samplable {
    private final List<Tensor> draws;
    private int next;

    ReplayedNoise(List<Tensor> draws) {
        this.draws = draws;
    }

    @Override
    public Tensor sample(int[] shape, Generator rng) {
        if (next >= draws.size()) {
            throw new IllegalStateException("recorded noise exhausted after " + draws.size() + " draws");
        }
        return draws.get(next++);
    }
}
