package dev.metagrad.optim.torch.lr;

import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.ParamGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pending writes to an optimizer's param groups, committed together. Reads see the pending values first,
 * so a scheduler's constructor can stage its writes ({@code lr = base_lr}, {@code initial_lr}, momentum),
 * run its initial step against them, and change nothing when any of it throws.
 *
 * <p>{@link #commit()} writes with {@link ParamGroup#setFromScheduler}, torch's unchecked assignment (a
 * scheduler may leave lr a rounding error below 0, as torch does); keys the group already has are written first
 * and undone if a value is rejected for its type, then the new keys are added.
 */
final class GroupWrites {
    private final List<ParamGroup> groups;
    private final List<Map<String, Object>> pending;

    GroupWrites(List<ParamGroup> groups) {
        this.groups = groups;
        this.pending = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            pending.add(new LinkedHashMap<>());
        }
    }

    int size() {
        return groups.size();
    }

    boolean has(int group, String key) {
        return pending.get(group).containsKey(key) || groups.get(group).has(key);
    }

    Object get(int group, String key) {
        Map<String, Object> p = pending.get(group);
        if (p.containsKey(key)) {
            return p.get(key);
        }
        if (!groups.get(group).has(key)) {
            throw new IllegalStateException("param_groups[" + group + "] has no \"" + key + "\"");
        }
        return groups.get(group).get(key);
    }

    double getDouble(int group, String key) {
        Object v = get(group, key);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("param_groups[" + group + "][\"" + key + "\"] must be a number, got "
                    + Json.describe(v));
        }
        return n.doubleValue();
    }

    void put(int group, String key, Object value) {
        pending.get(group).put(key, value);
    }

    /** Writes every pending value; on a rejected value restores what was written and rethrows. */
    void commit() {
        List<Runnable> undo = new ArrayList<>();
        try {
            for (int i = 0; i < groups.size(); i++) {
                ParamGroup g = groups.get(i);
                for (Map.Entry<String, Object> e : pending.get(i).entrySet()) {
                    if (g.has(e.getKey())) {
                        Object old = g.get(e.getKey());
                        g.setFromScheduler(e.getKey(), e.getValue());
                        undo.add(() -> g.setFromScheduler(e.getKey(), old));
                    }
                }
            }
        } catch (RuntimeException e) {
            for (int k = undo.size() - 1; k >= 0; k--) {
                undo.get(k).run();
            }
            throw e;
        }
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup g = groups.get(i);
            for (Map.Entry<String, Object> e : pending.get(i).entrySet()) {
                if (!g.has(e.getKey())) {
                    g.setFromScheduler(e.getKey(), e.getValue());
                }
            }
        }
        for (Map<String, Object> p : pending) {
            p.clear();
        }
    }
}
