package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scheduler made of child schedulers that all drive one optimizer: torch's {@code ChainedScheduler} and
 * {@code SequentialLR}. It has no learning-rate formula of its own; its initial step is one {@link #step()},
 * undoing it undoes the children's ({@code recursive_undo}), its base lrs are the first child's, and its state
 * dict keeps the children's under {@code "_schedulers"}. Changes to the children are all-or-nothing: the
 * subclasses snapshot them with {@link #childStates()} and put them back with {@link #restoreChildren}.
 */
abstract class CompositeScheduler extends LRScheduler {
    private final String owner;
    private final List<LRScheduler> schedulers;

    /**
     * @param owner     torch's class name, for messages
     * @param optimizer the optimizer every child must belong to, or null for the first child's
     * @throws IllegalArgumentException when the list is empty or a child belongs to another optimizer (torch's
     *                                  messages)
     */
    CompositeScheduler(String owner, List<? extends LRScheduler> schedulers, Optimizer optimizer) {
        super(checkedOptimizer(owner, schedulers, optimizer));
        this.owner = owner;
        this.schedulers = List.copyOf(schedulers);
    }

    private static Optimizer checkedOptimizer(String owner, List<? extends LRScheduler> schedulers, Optimizer optimizer) {
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

    /** The child schedulers, in order. */
    public List<LRScheduler> schedulers() {
        return schedulers;
    }

    /** torch's base {@code _initial_step} on a composite (when nested as a child): one {@link #step()}. */
    @Override
    void initialStep() {
        step();
    }

    /** torch's {@code recursive_undo}: undoes the children's initial steps, not its own. */
    @Override
    void undoInitialStep() {
        schedulers.forEach(LRScheduler::undoInitialStep);
    }

    /** The first child's base lrs. */
    @Override
    public List<Double> baseLrs() {
        return schedulers.get(0).baseLrs();
    }

    /**
     * A composite has no learning-rate formula of its own (torch raises {@code NotImplementedError}); reached
     * only when an enclosing {@link SequentialLR} tries to restart it at a milestone.
     */
    @Override
    protected double[] getLr() {
        throw new UnsupportedOperationException(owner + " has no get_lr of its own, so an enclosing SequentialLR "
                + "cannot restart it at a milestone" + restartAdvice());
    }

    /** What to do instead of restarting this composite at a milestone, appended to {@link #getLr()}'s message. */
    String restartAdvice() {
        return "";
    }

    /** Every child's state dict, in order: a snapshot for {@link #restoreChildren}. */
    final List<Map<String, Object>> childStates() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LRScheduler s : schedulers) {
            out.add(s.stateDict());
        }
        return out;
    }

    /** Loads the first {@code count} children back from {@code saved}, a {@link #childStates()} snapshot. */
    final void restoreChildren(List<Map<String, Object>> saved, int count) {
        for (int i = 0; i < count; i++) {
            schedulers.get(i).loadStateDict(saved.get(i));
        }
    }

    /** Puts {@code "_schedulers"}, the children's state dicts, into {@code state}. */
    final void putChildStates(Map<String, Object> state) {
        state.put("_schedulers", new ArrayList<Object>(childStates()));
    }

    /**
     * Reads {@code "_schedulers"} from {@code r}: checks the entries now and queues the action that loads them
     * all, or none (a child that rejects its entry makes the already loaded ones go back). The children load
     * first, so when one rejects its entry nothing else has been assigned yet.
     */
    final void readChildStates(StateReader r) {
        List<?> children = r.readList("_schedulers");
        if (children == null) {
            return;
        }
        if (children.size() != schedulers.size()) {
            throw r.error("_schedulers", "must have " + schedulers.size() + " entries, got " + children.size());
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            entries.add(r.object("_schedulers[" + i + "]", children.get(i)));
        }
        r.then(() -> {
            List<Map<String, Object>> saved = childStates();
            int loaded = 0;
            try {
                for (; loaded < schedulers.size(); loaded++) {
                    schedulers.get(loaded).loadStateDict(entries.get(loaded));
                }
            } catch (RuntimeException e) {
                restoreChildren(saved, loaded);
                throw e;
            }
        });
    }
}
