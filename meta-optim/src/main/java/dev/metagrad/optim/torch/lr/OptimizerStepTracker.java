package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * torch's {@code patch_track_step_called}: the first scheduler attached to an optimizer wraps its
 * {@code step} so that every later call sets {@code optimizer._opt_called}. Here a step pre-hook sets a
 * flag kept beside the optimizer (weakly, so the optimizer can still be collected). As in torch, steps taken
 * before the first scheduler was attached are not seen.
 */
final class OptimizerStepTracker {
    private static final Map<Optimizer, AtomicBoolean> CALLED = new WeakHashMap<>();

    private OptimizerStepTracker() {
    }

    /** Starts tracking {@code optimizer}'s steps unless it is tracked already. */
    static void attach(Optimizer optimizer) {
        synchronized (CALLED) {
            if (CALLED.containsKey(optimizer)) {
                return;
            }
            AtomicBoolean called = new AtomicBoolean();
            // the hook captures only the flag, so the map's weak key is not kept alive by its value
            optimizer.registerStepPreHook((opt, args) -> {
                called.set(true);
                return null;
            });
            CALLED.put(optimizer, called);
        }
    }

    /** Whether {@code optimizer.step()} was called since the first scheduler was attached to it. */
    static boolean stepped(Optimizer optimizer) {
        synchronized (CALLED) {
            AtomicBoolean called = CALLED.get(optimizer);
            return called != null && called.get();
        }
    }
}
