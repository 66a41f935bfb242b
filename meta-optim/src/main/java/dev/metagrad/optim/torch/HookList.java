package dev.metagrad.optim.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An ordered, thread-safe list of hooks. Iteration works on a snapshot, so a hook may register or remove
 * hooks (itself included) while the list is being run.
 */
final class HookList<H> {
    private final CopyOnWriteArrayList<Entry<H>> entries = new CopyOnWriteArrayList<>();

    private record Entry<H>(H hook) {
    }

    RemovableHandle add(H hook, boolean prepend) {
        Objects.requireNonNull(hook, "hook");
        Entry<H> e = new Entry<>(hook);
        if (prepend) {
            entries.add(0, e);
        } else {
            entries.add(e);
        }
        // by identity of the entry, so the same hook registered twice is removed one registration at a time
        return () -> entries.removeIf(x -> x == e);
    }

    List<H> snapshot() {
        List<H> out = new ArrayList<>(entries.size());
        for (Entry<H> e : entries) {
            out.add(e.hook());
        }
        return out;
    }

    int size() {
        return entries.size();
    }
}
