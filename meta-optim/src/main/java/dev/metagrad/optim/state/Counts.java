package dev.metagrad.optim.state;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Trees;

/**
 * Per-leaf step counters as TorchOpt keeps them: a tree shaped like the parameters whose leaves are 0-dim
 * int64 tensors. Counters are plain data, never differentiated.
 */
public final class Counts {
    private Counts() {
    }

    /** A counter tree shaped like {@code params}, every leaf {@code 0}. */
    public static Object zerosLike(Object params) {
        return Trees.map(params, p -> of(0));
    }

    /** The counter tree with every leaf incremented by one. */
    public static Object increment(Object counts) {
        return Trees.map(counts, c -> of(value(c) + 1));
    }

    /** The value of one counter leaf. */
    public static long value(Tensor counter) {
        return counter.toLongArray()[0];
    }

    /** A 0-dim int64 counter. */
    public static Tensor of(long value) {
        return Tensor.ofLongs(new long[] {value});
    }
}
