package dev.metagrad.optim.testing;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.engine.Node;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/** Measurements shared by the memory tests: the heap after garbage collection and the graph a tensor keeps alive. */
public final class GraphMemory {
    private GraphMemory() {
    }

    /** The smallest used heap over a few collections, in bytes (one GC can leave garbage behind). */
    public static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(20);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    /** How many autograd nodes are reachable from the given tensors: the graph they keep alive. */
    public static int reachableNodes(Iterable<Tensor> tensors) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> pending = new ArrayDeque<>();
        for (Tensor t : tensors) {
            if (t.gradFn() != null) {
                pending.push(t.gradFn());
            }
        }
        while (!pending.isEmpty()) {
            Node n = pending.pop();
            if (seen.add(n)) {
                for (Node.Edge e : n.edges()) {
                    if (e != null && e.node() != null) {
                        pending.push(e.node());
                    }
                }
            }
        }
        return seen.size();
    }
}
