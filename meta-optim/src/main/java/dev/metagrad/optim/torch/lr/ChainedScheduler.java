package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.ChainedScheduler}: steps several chainable schedulers of one optimizer
 * together. Each child was constructed (and performed its initial step) on its own; the chain performs no
 * step at construction. {@link #step()} calls every child's {@code step()} in list order, so their
 * recursive forms multiply; if one throws, the children and the optimizer are put back as they were.
 *
 * <p>{@link ReduceLROnPlateau} is not an {@link LRScheduler} here, so it cannot be chained (torch rejects
 * it at run time). {@link #baseLrs()} is the first child's.
 */
public final class ChainedScheduler extends CompositeScheduler {
    /** {@code ChainedScheduler(schedulers)}: the optimizer is the first child's. */
    public ChainedScheduler(List<? extends LRScheduler> schedulers) {
        this(schedulers, null);
    }

    /**
     * {@code ChainedScheduler(schedulers, optimizer)}.
     *
     * @param optimizer the optimizer every child must belong to, or null for the first child's
     * @throws IllegalArgumentException when the list is empty or a child belongs to another optimizer
     *                                  (torch's messages)
     */
    public ChainedScheduler(List<? extends LRScheduler> schedulers, Optimizer optimizer) {
        super("ChainedScheduler", schedulers, optimizer);
        setLastLr(currentLrs());
    }

    private List<Double> currentLrs() {
        List<Double> out = new ArrayList<>();
        optimizer().paramGroups().forEach(g -> out.add(g.lr()));
        return out;
    }

    /** Steps every child in order; {@code _last_lr} becomes the optimizer's lrs afterwards. */
    @Override
    public void step() {
        List<Map<String, Object>> saved = childStates();
        GroupSnapshot groups = new GroupSnapshot(optimizer().paramGroups());
        try {
            for (LRScheduler s : schedulers()) {
                s.step();
            }
        } catch (RuntimeException e) {
            restoreChildren(saved, saved.size());
            groups.restore();
            throw e;
        }
        setLastLr(currentLrs());
    }

    @Override
    String restartAdvice() {
        return "; put it first in the SequentialLR or chain the SequentialLR instead";
    }

    /** {@code {"_last_lr": [...], "_schedulers": [child state dicts]}}, as torch. */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> s = StateReader.newState();
        s.put("_last_lr", getLastLr());
        putChildStates(s);
        return s;
    }

    @Override
    public void loadStateDict(Map<String, ?> state) {
        StateReader r = new StateReader("ChainedScheduler", state);
        readChildStates(r);
        r.readDoubles("_last_lr", -1, v -> setLastLr(StateReader.list(v)));
        r.apply();
    }
}
