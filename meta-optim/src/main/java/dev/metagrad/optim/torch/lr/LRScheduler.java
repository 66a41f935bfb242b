package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.ParamGroup;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code torch.optim.lr_scheduler.LRScheduler}: adjusts the {@code "lr"} of an {@link Optimizer}'s param
 * groups once per {@link #step()}, with torch 2.x semantics.
 *
 * <p><b>Construction</b> (a subclass constructor ends with {@link #initialize()}): every group gets
 * {@code initial_lr = lr} unless it has one already (torch's {@code setdefault}, so several schedulers on
 * one optimizer share the base lr of the first), {@code base_lrs = [group.initial_lr]},
 * {@code last_epoch = -1}, then the <em>initial step</em>: {@code step_count = 0} and one {@link #step()}
 * in initial mode ({@link #isInitial()}), so afterwards {@code step_count = 1}, {@code last_epoch = 0} and
 * {@code lr = getLr()}. All of it is staged and written only when every part succeeded.
 *
 * <p><b>Step</b>: {@code step_count += 1; last_epoch += 1; lr_i = getLr()[i]} for every group. {@link #getLr()}
 * is the chainable (recursive) form: it reads each group's current lr, so schedulers on the same optimizer
 * compose. The first {@code step()} after construction warns
 * ({@link SchedulerWarnings#STEP_BEFORE_OPTIMIZER_STEP}) when the optimizer has not stepped since the first
 * scheduler was attached to it (torch wraps {@code optimizer.step}; here the first scheduler registers a step
 * pre-hook on the optimizer). A step that throws leaves the scheduler and the optimizer unchanged.
 *
 * <p>{@link SequentialLR} restarts a scheduler at a milestone with torch's {@code _update_lr(epoch)}:
 * {@code last_epoch = epoch} and {@code lr = closedFormLr()} when the class has a closed form, else
 * {@code getLr()}; {@code step_count} is not touched and nothing is warned.
 *
 * <p>As in torch, the learning rates are zipped with the param groups: a group added to the optimizer after
 * the scheduler was built is left alone by schedulers whose formula reads {@code base_lrs}.
 */
public abstract class LRScheduler {
    private final Optimizer optimizer;
    private double[] baseLrs = new double[0];
    private int lastEpoch = -1;
    private int stepCount;
    private boolean initial;
    private boolean getLrCalledWithinStep;
    private double[] lastLr = new double[0];
    private boolean initialized;
    /** Writes staged by the constructor or by the step in progress; null between steps. */
    private GroupWrites writes;

    /**
     * Attaches the scheduler to {@code optimizer}; changes nothing yet. A concrete subclass sets its fields,
     * stages its own group writes with {@link #stage}, then calls {@link #initialize()}.
     */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    /**
     * The rest of torch's {@code LRScheduler.__init__(optimizer, last_epoch=-1)}: {@code initial_lr}
     * setdefault, {@code base_lrs}, {@code last_epoch = -1}, start tracking the optimizer's steps, the
     * initial step. Group writes staged before are committed together with the initial step's.
     *
     * @throws IllegalStateException when called twice
     */
    protected final void initialize() {
        if (initialized) {
            throw new IllegalStateException(getClass().getSimpleName() + " is initialized already");
        }
        GroupWrites w = writes != null ? writes : new GroupWrites(optimizer.paramGroups());
        writes = w;
        try {
            for (int i = 0; i < w.size(); i++) {
                if (!w.has(i, "initial_lr")) {
                    w.put(i, "initial_lr", w.getDouble(i, "lr"));
                }
            }
            double[] base = new double[w.size()];
            for (int i = 0; i < base.length; i++) {
                base[i] = w.getDouble(i, "initial_lr");
            }
            baseLrs = base;
            lastEpoch = -1;
            initialStep();
            w.commit();
        } finally {
            writes = null;
        }
        initialized = true;
        OptimizerStepTracker.attach(optimizer);
    }

    /**
     * Stages {@code param_groups[group][key] = value} from a constructor, before {@link #initialize()}; the
     * initial step reads it, and it is written only if construction succeeds.
     */
    protected final void stage(int group, String key, Object value) {
        if (writes == null) {
            writes = new GroupWrites(optimizer.paramGroups());
        }
        writes.put(group, key, value);
    }

    /**
     * Stages, from a constructor like {@link #stage}, what torch's {@code CyclicLR} and {@code OneCycleLR} write
     * when they cycle momentum: for every group i, the cycled option ({@code key}) {@code = max_momentum_i}, and
     * the entries {@code "max_momentum"} and {@code "base_momentum"}.
     */
    final void stageCycledMomentum(CycledMomentum key, double[] maxMomentums, double[] baseMomentums) {
        if (writes == null) {
            writes = new GroupWrites(optimizer.paramGroups());
        }
        for (int i = 0; i < maxMomentums.length; i++) {
            key.write(writes, i, maxMomentums[i]);
            writes.put(i, "max_momentum", maxMomentums[i]);
            writes.put(i, "base_momentum", baseMomentums[i]);
        }
    }

    /** torch's {@code _initial_step}: {@code step_count = 0}, then one {@link #step()} in initial mode. */
    void initialStep() {
        stepCount = 0;
        initial = true;
        try {
            step();
        } finally {
            initial = false;
        }
    }

    /**
     * One scheduler step: {@code step_count += 1; last_epoch += 1}; every group's lr becomes
     * {@code getLr()[i]} (and the cycled momentum, for {@link CyclicLR} and {@link OneCycleLR}). The first
     * call after construction warns when the optimizer has not stepped yet.
     *
     * @throws IllegalStateException when the subclass constructor did not call {@link #initialize()}
     * @throws RuntimeException      what {@link #getLr()} throws (e.g. {@link OneCycleLR} past its total steps);
     *                               nothing changed then
     */
    public void step() {
        requireInitialized();
        warnIfOptimizerNotStepped();
        int epoch = lastEpoch;
        int count = stepCount;
        stepCount = count + 1;
        lastEpoch = epoch + 1;
        try {
            writeValues(false);
        } catch (RuntimeException e) {
            stepCount = count;
            lastEpoch = epoch;
            throw e;
        }
    }

    /**
     * @throws IllegalStateException when a subclass constructor did not call {@link #initialize()}
     */
    final void requireInitialized() {
        if (!initialized && writes == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " was not initialized: its constructor must "
                    + "end with initialize()");
        }
    }

    /** torch's call-order check, made on the first {@code step()} after the initial one. */
    final void warnIfOptimizerNotStepped() {
        if (stepCount == 1 && !OptimizerStepTracker.stepped(optimizer)) {
            SchedulerWarnings.warn(SchedulerWarnings.STEP_BEFORE_OPTIMIZER_STEP);
        }
    }

    /**
     * torch's {@code _update_lr(epoch)}: {@code last_epoch = epoch}, then the closed form if the class has
     * one, else {@link #getLr()} outside initial mode. No warning, {@code step_count} unchanged.
     */
    void updateLr(int epoch) {
        int saved = lastEpoch;
        lastEpoch = epoch;
        try {
            writeValues(true);
        } catch (RuntimeException e) {
            lastEpoch = saved;
            throw e;
        }
    }

    /** Sets {@code last_epoch} (for classes with their own {@code step}). */
    final void setLastEpoch(int epoch) {
        lastEpoch = epoch;
    }

    /** torch's {@code recursive_undo} for this scheduler: {@code last_epoch -= 1}. */
    void undoInitialStep() {
        lastEpoch -= 1;
    }

    /**
     * Computes the new values from the current state and writes them to the groups (staged when a
     * constructor is running), then records {@code _last_lr}.
     */
    final void writeValues(boolean closedForm) {
        boolean outer = writes == null;
        GroupWrites w = outer ? new GroupWrites(optimizer.paramGroups()) : writes;
        writes = w;
        try {
            double[] lrs;
            double[] momentums = null;
            getLrCalledWithinStep = true;
            try {
                double[] closed = closedForm ? closedFormLr() : null;
                if (closed != null) {
                    lrs = closed;
                } else {
                    lrs = getLr();
                    momentums = cycledMomentum();
                }
            } finally {
                getLrCalledWithinStep = false;
            }
            if (momentums != null) {
                for (int i = 0; i < Math.min(momentums.length, w.size()); i++) {
                    momentumKey().write(w, i, momentums[i]);
                }
            }
            for (int i = 0; i < Math.min(lrs.length, w.size()); i++) {
                w.put(i, "lr", lrs[i]);
            }
            double[] last = new double[w.size()];
            for (int i = 0; i < last.length; i++) {
                last[i] = w.getDouble(i, "lr");
            }
            if (outer) {
                w.commit();
            }
            lastLr = last;
        } finally {
            if (outer) {
                writes = null;
            }
        }
    }

    /**
     * The chainable form of the schedule: the new lr of each group, computed from {@link #lastEpoch()}
     * (already advanced), the groups' current lrs ({@link #currentLr}) and {@link #baseLr}. Called only
     * from within a step; it must not write to the optimizer.
     */
    protected abstract double[] getLr();

    /**
     * The closed form {@code lr(last_epoch)} used when {@link SequentialLR} restarts this scheduler at a
     * milestone, or null when the class has none (the default; then {@link #getLr()} is used).
     */
    protected double[] closedFormLr() {
        return null;
    }

    /** The momentums the step writes beside the lrs, or null (the default: none). */
    double[] cycledMomentum() {
        return null;
    }

    /** Which option {@link #cycledMomentum()} is written to. */
    CycledMomentum momentumKey() {
        throw new IllegalStateException(getClass().getSimpleName() + " cycles no momentum");
    }

    /** Whether the initial step of the constructor is running (torch's {@code _is_initial}). */
    protected final boolean isInitial() {
        return initial;
    }

    /** torch's {@code _step_count}: 1 after construction, +1 per {@link #step()}. */
    protected final int stepCount() {
        return stepCount;
    }

    /** The number of param groups of the optimizer. */
    protected final int groupCount() {
        return writes != null ? writes.size() : optimizer.paramGroups().size();
    }

    /** {@code param_groups[group]["lr"]} as the schedule sees it (staged values included). */
    protected final double currentLr(int group) {
        return groupDouble(group, "lr");
    }

    /**
     * {@code param_groups[group][key]} as a double (staged values included).
     *
     * @throws IllegalStateException when the group has no such number
     */
    protected final double groupDouble(int group, String key) {
        if (writes != null) {
            return writes.getDouble(group, key);
        }
        ParamGroup g = optimizer.paramGroups().get(group);
        if (!g.has(key)) {
            throw new IllegalStateException("param_groups[" + group + "] has no \"" + key + "\"");
        }
        Object v = g.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("param_groups[" + group + "][\"" + key + "\"] must be a number, got " + v);
        }
        return n.doubleValue();
    }

    /** {@code base_lrs[group]}. */
    protected final double baseLr(int group) {
        return baseLrs[group];
    }

    /** The number of base lrs (the number of groups when the scheduler was built). */
    protected final int baseLrCount() {
        return baseLrs.length;
    }

    /** Replaces {@code base_lrs} ({@link CyclicLR} sets its {@code base_lr} after the initial step). */
    final void setBaseLrs(double[] values) {
        baseLrs = values.clone();
    }

    /** The optimizer whose learning rates this scheduler sets. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * {@code base_lrs}: the {@code initial_lr} of each group when the scheduler was built ({@link CyclicLR}:
     * its {@code base_lr}; {@link OneCycleLR}: {@code max_lr / div_factor}).
     */
    public List<Double> baseLrs() {
        return StateReader.list(baseLrs);
    }

    /** {@code last_epoch}: the number of {@link #step()}s taken, 0 right after construction. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** {@code get_last_lr()}: every group's lr after the latest step (the constructor's included). */
    public List<Double> getLastLr() {
        return StateReader.list(lastLr);
    }

    /** Records {@code _last_lr} (the composite schedulers copy it from a child). */
    final void setLastLr(List<Double> values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        lastLr = v;
    }

    /**
     * The scheduler's state with torch's keys and order: the class's own attributes, then
     * {@code base_lrs}, {@code last_epoch}, {@code _step_count}, {@code _is_initial},
     * {@code _get_lr_called_within_step}, {@code _last_lr}. Integers are {@link Long}s, lists of numbers
     * {@code List<Double>}. Lambdas are stored as null (torch does not serialize functions either).
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> s = StateReader.newState();
        putAttributes(s);
        s.put("base_lrs", StateReader.list(baseLrs));
        s.put("last_epoch", (long) lastEpoch);
        s.put("_step_count", (long) stepCount);
        s.put("_is_initial", initial);
        s.put("_get_lr_called_within_step", getLrCalledWithinStep);
        s.put("_last_lr", StateReader.list(lastLr));
        putTrailingAttributes(s);
        return s;
    }

    /**
     * Loads a state dict made by {@link #stateDict()} (also after a trip through JSON, where integers became
     * doubles). Keys the dict lacks keep their current values, as torch's {@code __dict__.update} does.
     *
     * @throws IllegalArgumentException for unknown keys, values of the wrong type, or list lengths that do not
     *                                  match the optimizer's param groups; nothing is loaded then
     */
    public void loadStateDict(Map<String, ?> state) {
        StateReader r = new StateReader(getClass().getSimpleName(), state);
        readAttributes(r);
        r.readDoubles("base_lrs", baseLrs.length, v -> baseLrs = v);
        r.readInt("last_epoch", -1, v -> lastEpoch = v);
        r.readInt("_step_count", 0, v -> stepCount = v);
        r.readBoolean("_is_initial", v -> initial = v);
        r.readBoolean("_get_lr_called_within_step", v -> getLrCalledWithinStep = v);
        r.readDoubles("_last_lr", -1, v -> lastLr = v);
        readTrailingAttributes(r);
        r.apply();
    }

    /** Puts the class's own attributes, in torch's order, before the base ones. */
    void putAttributes(Map<String, Object> state) {
    }

    /** Puts attributes torch lists after the base ones ({@code lr_lambdas}, {@code _scale_fn_custom}). */
    void putTrailingAttributes(Map<String, Object> state) {
    }

    /** Checks and queues the class's own attributes of a state dict being loaded. */
    void readAttributes(StateReader r) {
    }

    /** Checks and queues the trailing attributes of a state dict being loaded. */
    void readTrailingAttributes(StateReader r) {
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(last_epoch=" + lastEpoch + ", last_lr=" + getLastLr() + ")";
    }
}
