package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code torch.optim.lr_scheduler.ChainedScheduler}: steps several chainable schedulers of one optimizer
 * together. Each child was constructed (and performed its initial step) on its own; the chain performs no
 * step at construction. {@link #step()} calls every child's {@code step()} in list order, so their
 * recursive forms multiply; if one throws, the children and the optimizer are put back as they were.
 *
 * <p>{@link ReduceLROnPlateau} is not an {@link LRScheduler} here, so it cannot be chained (torch rejects
 * it at run time). {@link #baseLrs()} is the first child's.
 */
public final class ChainedScheduler extends LRScheduler {
    private final List<LRScheduler> schedulers;

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
        super(checkedOptimizer("ChainedScheduler", schedulers, optimizer));
        this.schedulers = List.copyOf(schedulers);
        setLastLr(currentLrs(optimizer()));
    }

    /**
     * The optimizer shared by every child.
     *
     * @throws IllegalArgumentException for an empty list or a child on another optimizer
     */
    static Optimizer checkedOptimizer(String owner, List<? extends LRScheduler> schedulers, Optimizer optimizer) {
        Objects.requireNonNull(schedulers, "schedulers");
        if (schedulers.isEmpty()) {
            throw new IllegalArgumentException(owner + " expects at least one scheduler"
                    + ("ChainedScheduler".equals(owner) ? " to be chained" : "") + ", but got no scheduler.");
        }
        Optimizer shared = optimizer != null ? optimizer
                : Objects.requireNonNull(schedulers.get(0), "schedulers[0]").optimizer();
        for (int i = 0; i < schedulers.size(); i++) {
            LRScheduler s = Objects.requireNonNull(schedulers.get(i), "schedulers[" + i + "]");
            if (s.optimizer() != shared) {
                throw new IllegalArgumentException(owner + " expects all schedulers to belong to the same optimizer, but "
                        + "got scheduler " + s.getClass().getSimpleName() + " at index " + i + " has " + s.optimizer()
                        + ", which is different from " + shared.getClass().getSimpleName() + ".");
            }
        }
        return shared;
    }

    static List<Double> currentLrs(Optimizer optimizer) {
        List<Double> out = new ArrayList<>();
        optimizer.paramGroups().forEach(g -> out.add(g.lr()));
        return out;
    }

    /** The chained schedulers, in order. */
    public List<LRScheduler> schedulers() {
        return schedulers;
    }

    /** Steps every child in order; {@code _last_lr} becomes the optimizer's lrs afterwards. */
    @Override
    public void step() {
        List<Map<String, Object>> saved = new ArrayList<>();
        for (LRScheduler s : schedulers) {
            saved.add(s.stateDict());
        }
        GroupSnapshot groups = new GroupSnapshot(optimizer().paramGroups());
        try {
            for (LRScheduler s : schedulers) {
                s.step();
            }
        } catch (RuntimeException e) {
            for (int i = 0; i < schedulers.size(); i++) {
                schedulers.get(i).loadStateDict(saved.get(i));
            }
            groups.restore();
            throw e;
        }
        setLastLr(currentLrs(optimizer()));
    }

    /** torch's base {@code _initial_step} on a chain: one {@link #step()} (used when nested in {@link SequentialLR}). */
    @Override
    void initialStep() {
        step();
    }

    /** torch's {@code recursive_undo}: undoes the children's initial steps. */
    @Override
    void undoInitialStep() {
        schedulers.forEach(LRScheduler::undoInitialStep);
    }

    /**
     * A chain has no learning-rate formula of its own (torch raises {@code NotImplementedError}); reached only
     * when a {@link SequentialLR} milestone tries to restart it.
     */
    @Override
    protected double[] getLr() {
        throw new UnsupportedOperationException("ChainedScheduler has no get_lr of its own, so SequentialLR cannot "
                + "restart it at a milestone; put it first in the SequentialLR or chain the SequentialLR instead");
    }

    /** The first child's base lrs. */
    @Override
    public List<Double> baseLrs() {
        return schedulers.get(0).baseLrs();
    }

    /** {@code {"_last_lr": [...], "_schedulers": [child state dicts]}}, as torch. */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> s = StateReader.newState();
        s.put("_last_lr", getLastLr());
        List<Object> children = new ArrayList<>();
        schedulers.forEach(c -> children.add(c.stateDict()));
        s.put("_schedulers", children);
        return s;
    }

    @Override
    public void loadStateDict(Map<String, ?> state) {
        StateReader r = new StateReader("ChainedScheduler", state);
        // the children load first: when one rejects its entry nothing else has been assigned yet
        List<?> children = r.readList("_schedulers");
        if (children != null) {
            r.then(loadChildren(r, schedulers, children));
        }
        r.readDoubles("_last_lr", -1, v -> setLastLr(StateReader.list(v)));
        r.apply();
    }

    /**
     * Checks the children's entries and returns the action that loads them all, or none: a child that
     * rejects its entry makes the already loaded ones go back.
     */
    static Runnable loadChildren(StateReader r, List<LRScheduler> schedulers, List<?> children) {
        if (children.size() != schedulers.size()) {
            throw r.error("_schedulers", "must have " + schedulers.size() + " entries, got " + children.size());
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            entries.add(r.object("_schedulers[" + i + "]", children.get(i)));
        }
        return () -> {
            List<Map<String, Object>> saved = new ArrayList<>();
            for (LRScheduler s : schedulers) {
                saved.add(s.stateDict());
            }
            int loaded = 0;
            try {
                for (; loaded < schedulers.size(); loaded++) {
                    schedulers.get(loaded).loadStateDict(entries.get(loaded));
                }
            } catch (RuntimeException e) {
                for (int i = 0; i < loaded; i++) {
                    schedulers.get(i).loadStateDict(saved.get(i));
                }
                throw e;
            }
        };
    }
}
