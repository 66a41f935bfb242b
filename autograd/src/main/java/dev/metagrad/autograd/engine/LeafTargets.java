package dev.metagrad.autograd.engine;

import dev.metagrad.autograd.Tensor;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The leaf tensors a {@code grad} call asks gradients for, compared by identity. The engine asks once
 * per leaf link of every reachable node; a call names only a few leaves (MAML: the six parameters), and
 * for those a linear scan of references is cheaper than an identity hash per lookup, so the set is an
 * array until it holds more than {@link #SCAN} tensors and an identity hash set beyond.
 */
final class LeafTargets {
    /** Up to this many targets are scanned linearly. */
    static final int SCAN = 16;

    private Tensor[] few = new Tensor[4];
    private int count;
    private Set<Tensor> many;

    /** Adds {@code leaf} (a repeated add is harmless). */
    void add(Tensor leaf) {
        if (many != null) {
            many.add(leaf);
            return;
        }
        if (contains(leaf)) {
            return;
        }
        if (count == SCAN) {
            many = Collections.newSetFromMap(new IdentityHashMap<>());
            many.addAll(Arrays.asList(few).subList(0, count));
            many.add(leaf);
            few = null;
            return;
        }
        if (count == few.length) {
            few = Arrays.copyOf(few, Math.min(SCAN, 2 * count));
        }
        few[count++] = leaf;
    }

    /** Whether {@code leaf} (by identity) is a target. */
    boolean contains(Tensor leaf) {
        if (many != null) {
            return many.contains(leaf);
        }
        for (int i = 0; i < count; i++) {
            if (few[i] == leaf) {
                return true;
            }
        }
        return false;
    }
}
