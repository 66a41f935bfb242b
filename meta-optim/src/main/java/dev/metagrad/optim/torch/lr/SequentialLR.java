package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.ParamGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code torch.optim.lr_scheduler.SequentialLR}: hands the optimizer from one scheduler to the next at
 * milestone epochs.
 *
 * <p>Construction (the children were constructed before, each with its initial step): {@code last_epoch = 0};
 * every group's lr goes back to its {@code initial_lr}; every child's {@code last_epoch} is decremented
 * (torch's {@code recursive_undo}); child 0 performs its initial step again.
 *
 * <p>{@link #step()}: {@code last_epoch += 1}; idx = number of milestones {@code <= last_epoch}; at a
 * milestone ({@code milestones[idx−1] == last_epoch}) child idx restarts with torch's
 * {@code _update_lr(0)} (its closed form at epoch 0, i.e. its base lrs, when it has one; else its
 * {@code getLr()}: LambdaLR gives base·λ(0), MultiplicativeLR lr·λ(0)), otherwise child idx steps. No
 * warning at a milestone (torch 2.x). {@link #baseLrs()} is the first child's.
 */
public final class SequentialLR extends CompositeScheduler {
    private List<Integer> milestones;

    /**
     * {@code SequentialLR(optimizer, schedulers, milestones)}.
     *
     * @throws IllegalArgumentException when the list is empty, a child belongs to another optimizer, the
     *                                  number of milestones is not one less than the number of schedulers
     *                                  (torch's messages), or the milestones decrease; nothing changed then
     */
    public SequentialLR(Optimizer optimizer, List<? extends LRScheduler> schedulers, List<Integer> milestones) {
        super("SequentialLR", schedulers, Objects.requireNonNull(optimizer, "optimizer"));
        Objects.requireNonNull(milestones, "milestones");
        if (milestones.size() != schedulers.size() - 1) {
            throw new IllegalArgumentException("Sequential Schedulers expects number of schedulers provided to be one "
                    + "more than the number of milestone points, but got number of schedulers " + schedulers.size()
                    + " and the number of milestones to be equal to " + milestones.size());
        }
        for (int i = 0; i < milestones.size(); i++) {
            Objects.requireNonNull(milestones.get(i), "milestones[" + i + "]");
            if (i > 0 && milestones.get(i) < milestones.get(i - 1)) {
                throw new IllegalArgumentException("SequentialLR: milestones must be increasing, got " + milestones);
            }
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            if (!groups.get(i).has("initial_lr")) {
                throw new IllegalArgumentException("SequentialLR: param_groups[" + i + "] has no \"initial_lr\"; "
                        + "construct the child schedulers on this optimizer first");
            }
        }
        this.milestones = List.copyOf(milestones);
        setLastEpoch(0);

        List<Map<String, Object>> saved = childStates();
        GroupSnapshot before = new GroupSnapshot(groups);
        try {
            for (ParamGroup g : groups) {
                g.setFromScheduler("lr", g.getDouble("initial_lr"));
            }
            undoInitialStep();
            schedulers().get(0).initialStep();
        } catch (RuntimeException e) {
            restoreChildren(saved, saved.size());
            before.restore();
            throw e;
        }
        setLastLr(schedulers().get(0).getLastLr());
    }

    /** The milestones. */
    public List<Integer> milestones() {
        return milestones;
    }

    /**
     * One step: {@code last_epoch += 1}, then the child whose interval contains it steps, or restarts with
     * {@code _update_lr(0)} at its milestone. {@code _last_lr} is that child's.
     */
    @Override
    public void step() {
        int next = lastEpoch() + 1;
        int idx = bisectRight(milestones, next);
        LRScheduler child = schedulers().get(idx);
        if (idx > 0 && milestones.get(idx - 1) == next) {
            child.updateLr(0);
        } else {
            child.step();
        }
        setLastEpoch(next);
        setLastLr(child.getLastLr());
    }

    private static int bisectRight(List<Integer> sorted, int x) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x < sorted.get(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** {@code {"_milestones", "last_epoch", "_last_lr", "_schedulers": [child state dicts]}}, as torch. */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> s = StateReader.newState();
        List<Long> ms = new ArrayList<>();
        milestones.forEach(m -> ms.add((long) m));
        s.put("_milestones", ms);
        s.put("last_epoch", (long) lastEpoch());
        s.put("_last_lr", getLastLr());
        putChildStates(s);
        return s;
    }

    @Override
    public void loadStateDict(Map<String, ?> state) {
        StateReader r = new StateReader("SequentialLR", state);
        readChildStates(r);
        List<?> ms = r.readList("_milestones");
        if (ms != null) {
            if (ms.size() != schedulers().size() - 1) {
                throw r.error("_milestones", "must have " + (schedulers().size() - 1) + " entries, got " + ms.size());
            }
            List<Integer> parsed = new ArrayList<>();
            for (int i = 0; i < ms.size(); i++) {
                int m = r.toInt("_milestones[" + i + "]", ms.get(i));
                if (i > 0 && m < parsed.get(i - 1)) {
                    throw r.error("_milestones", "must be increasing, got " + ms);
                }
                parsed.add(m);
            }
            r.then(() -> milestones = List.copyOf(parsed));
        }
        r.readInt("last_epoch", 0, this::setLastEpoch);
        r.readDoubles("_last_lr", -1, v -> setLastLr(StateReader.list(v)));
        r.apply();
    }
}
