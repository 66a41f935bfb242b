package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Options;
import dev.metagrad.optim.torch.ParamGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The options of an optimizer's param groups at one moment, so that a composite operation (several child
 * schedulers stepping in turn) can put back the values it changed when a later part of it throws.
 */
final class GroupSnapshot {
    private final List<ParamGroup> groups;
    private final List<Options> options;

    GroupSnapshot(List<ParamGroup> groups) {
        this.groups = List.copyOf(groups);
        this.options = new ArrayList<>(groups.size());
        for (ParamGroup g : groups) {
            options.add(g.options());
        }
    }

    /** Sets back every option whose value changed since the snapshot, unchecked as schedulers write. */
    void restore() {
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup g = groups.get(i);
            Options old = options.get(i);
            for (String key : old.keys()) {
                if (!g.has(key) || !Objects.equals(g.get(key), old.get(key))) {
                    g.setFromScheduler(key, old.get(key));
                }
            }
        }
    }
}
