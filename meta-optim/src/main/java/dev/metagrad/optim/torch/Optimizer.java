package dev.metagrad.optim.torch;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The base of the {@code torch.optim} optimizers ({@code torch.optim.Optimizer}): parameters in param groups
 * with per-group options resolved from the defaults, {@link #zeroGrad}, {@link #step(Supplier)}, per-parameter
 * state, state dicts in torch's layout (also saved to and loaded from disk), and hooks.
 *
 * <p><b>Options.</b> The constructor's {@code defaults} hold every option the optimizer knows. A group's
 * options are the defaults overridden by its {@link GroupSpec#overrides()}; an override of a key the defaults do
 * not have is an error listing the valid keys. Every resolved group is checked by the optimizer's
 * {@link GroupRules} when the optimizer is built and when a group is added.
 *
 * <p><b>How "in place" works.</b> metagrad tensors are immutable, so a step cannot overwrite a parameter's
 * values. It makes a new leaf with the new values, the old leaf's {@code requiresGrad} flag and its accumulated
 * {@code grad} (torch keeps {@code .grad} across a step until {@link #zeroGrad}), and stores it where the
 * parameter lives: in the module for a module group ({@link Module#setParameter}), otherwise in the group, whose
 * {@link ParamGroup#params()} (and {@link #params()}) return the current tensors. The tensors passed in are never
 * changed.
 *
 * <p><b>Steps</b> are all-or-nothing: a subclass computes everything first and stores it only when nothing threw.
 * A parameter whose {@code grad()} is null is skipped, as torch does (no update, no new state).
 *
 * <p><b>State dicts</b> follow torch: {@code {"state": {index: {key: value}}, "param_groups": [{options...,
 * "params": [indices]}]}}, indices numbering the parameters of all groups in order; see
 * {@link OptimizerStateDict}. {@link #loadStateDict} checks everything before changing anything.
 *
 * <p><b>Hooks</b> ({@link OptimizerHooks} has the signatures and the global variants): step pre/post,
 * state-dict pre/post and load-state-dict pre/post, each registration returning a {@link RemovableHandle}.
 *
 * <p>Not thread-safe: use one optimizer from one thread at a time (the global hook lists are thread-safe).
 */
public abstract class Optimizer {
    private final Options defaults;
    private final GroupRules rules;
    private final List<ParamGroup> groups = new ArrayList<>();
    private final IdentityHashMap<ParamSlot, Map<String, Object>> state = new IdentityHashMap<>();
    private final HookList<OptimizerHooks.StepPreHook> stepPre = new HookList<>();
    private final HookList<OptimizerHooks.StepPostHook> stepPost = new HookList<>();
    private final HookList<OptimizerHooks.StateDictPreHook> stateDictPre = new HookList<>();
    private final HookList<OptimizerHooks.StateDictPostHook> stateDictPost = new HookList<>();
    private final HookList<OptimizerHooks.LoadStateDictPreHook> loadPre = new HookList<>();
    private final HookList<OptimizerHooks.LoadStateDictPostHook> loadPost = new HookList<>();

    /**
     * An optimizer with one group of {@code params} and no option checks.
     *
     * @throws IllegalArgumentException see {@link #addParamGroup}
     */
    protected Optimizer(Iterable<Tensor> params, Options defaults) {
        this(params, defaults, GroupRules.NONE);
    }

    /**
     * An optimizer with one group of {@code params}, checked by {@code rules}.
     *
     * @throws IllegalArgumentException see {@link #addParamGroup}
     */
    protected Optimizer(Iterable<Tensor> params, Options defaults, GroupRules rules) {
        this(List.of(GroupSpec.of(toList(params))), defaults, rules);
    }

    /**
     * An optimizer with several groups and no option checks.
     *
     * @throws IllegalArgumentException see {@link #addParamGroup}
     */
    protected Optimizer(List<GroupSpec> groups, Options defaults) {
        this(groups, defaults, GroupRules.NONE);
    }

    /**
     * An optimizer over {@code module}'s parameters (one group, updated through the module), no option checks.
     *
     * @throws IllegalArgumentException see {@link #addParamGroup}
     */
    protected Optimizer(Module module, Options defaults) {
        this(module, defaults, GroupRules.NONE);
    }

    /**
     * An optimizer over {@code module}'s parameters (one group, updated through the module), checked by {@code rules}.
     *
     * @throws IllegalArgumentException see {@link #addParamGroup}
     */
    protected Optimizer(Module module, Options defaults, GroupRules rules) {
        this(List.of(GroupSpec.of(Objects.requireNonNull(module, "module"))), defaults, rules);
    }

    /**
     * An optimizer with several groups, each checked by {@code rules}.
     *
     * @param groups   the param groups (torch's list of dicts)
     * @param defaults every option the optimizer knows, with the values groups get unless they override them
     * @param rules    checks resolved groups and makes initial per-parameter state
     * @throws IllegalArgumentException when {@code groups} is empty, or see {@link #addParamGroup}
     */
    protected Optimizer(List<GroupSpec> groups, Options defaults, GroupRules rules) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.rules = Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(groups, "groups");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(name() + ": optimizer got an empty parameter list");
        }
        for (GroupSpec g : groups) {
            addParamGroup(g);
        }
    }

    /** The parameters in iteration order, for the constructors that take an {@code Iterable} (also LBFGS's). */
    static List<Tensor> toList(Iterable<Tensor> params) {
        Objects.requireNonNull(params, "params");
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : params) {
            out.add(t);
        }
        return out;
    }

    /** The optimizer's name for messages: its simple class name ({@code "SGD"}). */
    protected String name() {
        return getClass().getSimpleName();
    }

    /** The defaults every group starts from ({@code optimizer.defaults}). */
    public final Options defaults() {
        return defaults;
    }

    /** The param groups in order ({@code optimizer.param_groups}); their options may be changed with {@link ParamGroup#set}. */
    public final List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** The current tensors of every parameter of every group, in state-dict index order. */
    public final List<Tensor> params() {
        List<Tensor> out = new ArrayList<>();
        for (ParamGroup g : groups) {
            out.addAll(g.params());
        }
        return out;
    }

    /**
     * Adds a param group ({@code add_param_group}): its options are the defaults overridden by
     * {@code spec.overrides()}, checked by the optimizer's rules, and its parameters get their initial state.
     *
     * @throws IllegalArgumentException when the group has no parameters, overrides an unknown option (the message
     *                                  lists the valid ones), a resolved option is invalid, a parameter is not a
     *                                  floating-point leaf, or a parameter appears twice (in this group or another);
     *                                  nothing is added then
     */
    public final void addParamGroup(GroupSpec spec) {
        Objects.requireNonNull(spec, "spec");
        for (String key : spec.overrides().keys()) {
            if (!defaults.has(key)) {
                throw new IllegalArgumentException(name() + ".addParamGroup: unknown option \"" + key
                        + "\"; valid options are " + defaults.keys());
            }
        }
        if (spec.params().isEmpty()) {
            throw new IllegalArgumentException(name() + ".addParamGroup: optimizer got an empty parameter list");
        }
        List<ParamSlot> slots = new ArrayList<>();
        if (spec.module() != null) {
            for (String n : spec.module().namedParameters().keySet()) {
                slots.add(ParamSlot.of(spec.module(), n));
            }
        } else {
            for (Tensor t : spec.params()) {
                slots.add(ParamSlot.of(t));
            }
        }
        for (int i = 0; i < slots.size(); i++) {
            Tensor t = slots.get(i).get();
            if (!t.isLeaf()) {
                throw new IllegalArgumentException(name() + ".addParamGroup: can't optimize a non-leaf Tensor ("
                        + slots.get(i) + ")");
            }
            if (!t.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException(name() + ".addParamGroup: can only optimize floating-point Tensors, "
                        + slots.get(i) + " is " + t.dtype());
            }
            for (int j = 0; j < i; j++) {
                if (slots.get(j).sameAs(slots.get(i))) {
                    throw new IllegalArgumentException(name() + ".addParamGroup: the group holds the same parameter twice ("
                            + slots.get(i) + ", positions " + j + " and " + i + ")");
                }
            }
            for (ParamGroup g : groups) {
                for (ParamSlot other : g.slots()) {
                    if (other.sameAs(slots.get(i))) {
                        throw new IllegalArgumentException(name() + ".addParamGroup: some parameters appear in more than one "
                                + "parameter group (" + slots.get(i) + ")");
                    }
                }
            }
        }
        Options resolved = defaults.withAll(spec.overrides());
        rules.validate(resolved);
        List<Map<String, Object>> initial = new ArrayList<>();
        for (ParamSlot s : slots) {
            initial.add(StateValues.copyState(rules.initialState(s.get(), resolved, defaults), name() + ".initialState"));
        }
        ParamGroup group = new ParamGroup(slots, resolved, rules);
        groups.add(group);
        for (int i = 0; i < slots.size(); i++) {
            if (!initial.get(i).isEmpty()) {
                state.put(slots.get(i), initial.get(i));
            }
        }
    }

    /** {@link #zeroGrad(boolean)} with torch 2.x's default {@code set_to_none=True}. */
    public final void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * Resets every parameter's gradient ({@code zero_grad}): to null when {@code setToNone}, else to zeros
     * (a parameter without a gradient keeps none, as in torch).
     */
    public final void zeroGrad(boolean setToNone) {
        for (Tensor p : params()) {
            if (p.grad() != null) {
                p.setGrad(setToNone ? null : Tensor.zerosLike(p));
            }
        }
    }

    /** {@link #step(Supplier)} without a closure. */
    public final Tensor step() {
        return step(null);
    }

    /**
     * One optimization step ({@code step(closure)}). Runs the step pre-hooks (global, then this optimizer's;
     * each may replace the arguments), the step itself, then the post-hooks (this optimizer's, then global).
     * The closure, when given, is evaluated with grad enabled; it should zero the gradients, compute the loss,
     * call {@code backward()} and return the loss.
     *
     * @return the loss the closure returned (for LBFGS: its first evaluation), or null without closure
     * @throws IllegalArgumentException when {@link #requiresClosure()} and no closure is given
     */
    public final Tensor step(Supplier<Tensor> closure) {
        StepArgs args = new StepArgs(closure);
        for (OptimizerHooks.StepPreHook h : OptimizerHooks.STEP_PRE.snapshot()) {
            args = orElse(h.beforeStep(this, args), args);
        }
        for (OptimizerHooks.StepPreHook h : stepPre.snapshot()) {
            args = orElse(h.beforeStep(this, args), args);
        }
        if (requiresClosure() && args.closure() == null) {
            throw new IllegalArgumentException(name() + ".step: this optimizer re-evaluates the loss and needs a closure; "
                    + "call step(closure) with a closure that zeroes the grads, computes the loss, calls backward() and returns it");
        }
        Tensor loss = performStep(args.closure());
        for (OptimizerHooks.StepPostHook h : stepPost.snapshot()) {
            h.afterStep(this, args);
        }
        for (OptimizerHooks.StepPostHook h : OptimizerHooks.STEP_POST.snapshot()) {
            h.afterStep(this, args);
        }
        return loss;
    }

    private static <T> T orElse(T replacement, T current) {
        return replacement != null ? replacement : current;
    }

    /**
     * The step itself, without hooks: update every parameter that has a gradient, all-or-nothing.
     *
     * @param closure the closure (non-null when {@link #requiresClosure()}), or null
     * @return the closure's loss, or null
     */
    protected abstract Tensor performStep(Supplier<Tensor> closure);

    /** Whether {@link #step(Supplier)} needs a closure (LBFGS); false by default. */
    public boolean requiresClosure() {
        return false;
    }

    /**
     * Evaluates a closure with grad enabled (torch's {@code with torch.enable_grad(): loss = closure()}).
     *
     * @throws IllegalStateException when the closure returns null
     */
    protected static Tensor evaluateClosure(Supplier<Tensor> closure) {
        Objects.requireNonNull(closure, "closure");
        Tensor loss;
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            loss = closure.get();
        }
        if (loss == null) {
            throw new IllegalStateException("step: the closure returned null; it must return the loss");
        }
        return loss;
    }

    // ------------------------------------------------------------------------------------------------
    // State

    /**
     * The state of parameter {@code param} ({@code optimizer.state[p]}), given as the current tensor of a
     * parameter; empty when it has none yet.
     *
     * @throws IllegalArgumentException when {@code param} is not a current parameter of this optimizer
     */
    public final Map<String, Object> state(Tensor param) {
        Objects.requireNonNull(param, "param");
        for (ParamGroup g : groups) {
            for (ParamSlot s : g.slots()) {
                if (s.get() == param) {
                    return state.getOrDefault(s, Map.of());
                }
            }
        }
        throw new IllegalArgumentException(name() + ".state: the tensor is not a current parameter of this optimizer "
                + "(after a step, parameters are new tensors: read them from params())");
    }

    /**
     * The state of the parameter with state-dict index {@code index} (its position over all groups); empty when none.
     *
     * @throws IndexOutOfBoundsException when there is no such parameter
     */
    public final Map<String, Object> state(int index) {
        return state.getOrDefault(slot(index), Map.of());
    }

    /** The number of parameters over all groups. */
    public final int paramCount() {
        int n = 0;
        for (ParamGroup g : groups) {
            n += g.size();
        }
        return n;
    }

    /**
     * Stores a new parameter value at state-dict index {@code index}, as a step does: a new leaf with the values of
     * {@code value}, the current parameter's {@code requiresGrad} flag and its accumulated gradient.
     *
     * @throws IllegalArgumentException when the shape or dtype differs from the current parameter's
     */
    protected final void setParam(int index, Tensor value) {
        ParamSlot s = slot(index);
        s.set(StateValues.nextLeaf(s.get(), value, name()));
    }

    /**
     * Replaces the state of the parameter at state-dict index {@code index} (an empty map removes it).
     *
     * @throws IllegalArgumentException when a value has an unsupported type
     */
    protected final void setState(int index, Map<String, Object> newState) {
        ParamSlot s = slot(index);
        Map<String, Object> copy = StateValues.copyState(newState, name() + ".setState");
        if (copy.isEmpty()) {
            state.remove(s);
        } else {
            state.put(s, copy);
        }
    }

    final ParamSlot slot(int index) {
        int i = index;
        if (i >= 0) {
            for (ParamGroup g : groups) {
                if (i < g.size()) {
                    return g.slots().get(i);
                }
                i -= g.size();
            }
        }
        throw new IndexOutOfBoundsException(name() + ": no parameter with index " + index + "; there are " + paramCount());
    }

    final Map<String, Object> stateOf(ParamSlot s) {
        return state.getOrDefault(s, Map.of());
    }

    /** Commits the results of a step: new leaves and new states for the slots that were updated. */
    final void commit(Map<ParamSlot, Tensor> newParams, Map<ParamSlot, Map<String, Object>> newStates) {
        for (Map.Entry<ParamSlot, Tensor> e : newParams.entrySet()) {
            e.getKey().set(e.getValue());
        }
        for (Map.Entry<ParamSlot, Map<String, Object>> e : newStates.entrySet()) {
            if (e.getValue().isEmpty()) {
                state.remove(e.getKey());
            } else {
                state.put(e.getKey(), e.getValue());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // State dicts

    /**
     * The optimizer's state in torch's layout ({@code state_dict()}): the state of every parameter that has some,
     * by index, and every group's options with its parameter indices. Runs the state-dict pre-hooks (global, then
     * this optimizer's) before and the post-hooks (this optimizer's, then global) after; a post-hook may replace
     * the result. Tensors are immutable, so the state dict shares them with the optimizer safely.
     */
    public final OptimizerStateDict stateDict() {
        for (OptimizerHooks.StateDictPreHook h : OptimizerHooks.STATE_DICT_PRE.snapshot()) {
            h.beforeStateDict(this);
        }
        for (OptimizerHooks.StateDictPreHook h : stateDictPre.snapshot()) {
            h.beforeStateDict(this);
        }
        Map<Integer, Map<String, Object>> byIndex = new LinkedHashMap<>();
        List<OptimizerStateDict.Group> groupEntries = new ArrayList<>();
        int index = 0;
        for (ParamGroup g : groups) {
            List<Integer> ids = new ArrayList<>();
            for (ParamSlot s : g.slots()) {
                Map<String, Object> st = state.get(s);
                if (st != null && !st.isEmpty()) {
                    byIndex.put(index, st);
                }
                ids.add(index++);
            }
            groupEntries.add(new OptimizerStateDict.Group(g.options(), ids));
        }
        OptimizerStateDict sd = new OptimizerStateDict(byIndex, groupEntries);
        for (OptimizerHooks.StateDictPostHook h : stateDictPost.snapshot()) {
            sd = orElse(h.afterStateDict(this, sd), sd);
        }
        for (OptimizerHooks.StateDictPostHook h : OptimizerHooks.STATE_DICT_POST.snapshot()) {
            sd = orElse(h.afterStateDict(this, sd), sd);
        }
        return sd;
    }

    /**
     * The options a loaded group is validated with: a negative lr counts as 0. torch's schedulers write lr
     * unchecked ({@link ParamGroup#setFromScheduler}) and can leave it below 0 ({@code LinearLR(end_factor=0)}
     * ends a rounding error below 0), and torch's {@code load_state_dict} checks no values, so a state dict saved
     * after such a schedule must load; every other option is checked as the constructor checks it.
     */
    private static Options lrAsSchedulersLeaveIt(Options options) {
        if (options.has("lr") && options.get("lr") instanceof Number n && n.doubleValue() < 0) {
            return options.with("lr", 0.0);
        }
        return options;
    }

    /**
     * Loads a state dict ({@code load_state_dict}). Runs the load pre-hooks (global, then this optimizer's; each
     * may replace the state dict), checks everything, replaces the options of every group (keeping its
     * parameters) and the state of every parameter, then runs the post-hooks (this optimizer's, then global).
     * As in torch, the state dict's parameter ids are matched to this optimizer's parameters by position, group
     * by group. Tensors are taken as detached leaves (their values are immutable, so nothing is shared mutably).
     *
     * @throws IllegalArgumentException when the number of groups or of parameters in a group differs, an id is
     *                                  repeated or holds state without being in a group, a group lacks an option
     *                                  of the defaults or has an invalid value (a negative lr excepted, which a
     *                                  scheduler may leave), or a state value does not fit its
     *                                  parameter (shape, dtype); nothing is loaded then
     */
    public final void loadStateDict(OptimizerStateDict stateDict) {
        Objects.requireNonNull(stateDict, "stateDict");
        OptimizerStateDict sd = stateDict;
        for (OptimizerHooks.LoadStateDictPreHook h : OptimizerHooks.LOAD_PRE.snapshot()) {
            sd = orElse(h.beforeLoadStateDict(this, sd), sd);
        }
        for (OptimizerHooks.LoadStateDictPreHook h : loadPre.snapshot()) {
            sd = orElse(h.beforeLoadStateDict(this, sd), sd);
        }
        String where = name() + ".loadStateDict: ";
        String nothing = "; nothing was loaded";
        List<OptimizerStateDict.Group> saved = sd.paramGroups();
        if (saved.size() != groups.size()) {
            throw new IllegalArgumentException(where + "the state dict has " + saved.size() + " param group(s), this optimizer has "
                    + groups.size() + nothing);
        }
        Map<Integer, ParamSlot> byId = new LinkedHashMap<>();
        List<Options> newOptions = new ArrayList<>();
        for (int g = 0; g < saved.size(); g++) {
            OptimizerStateDict.Group sg = saved.get(g);
            ParamGroup mine = groups.get(g);
            if (sg.params().size() != mine.size()) {
                throw new IllegalArgumentException(where + "param group " + g + " has " + sg.params().size()
                        + " parameter(s) in the state dict but " + mine.size() + " in this optimizer" + nothing);
            }
            for (int i = 0; i < sg.params().size(); i++) {
                Integer id = sg.params().get(i);
                if (byId.put(id, mine.slots().get(i)) != null) {
                    throw new IllegalArgumentException(where + "parameter id " + id + " appears more than once in param_groups" + nothing);
                }
            }
            List<String> missing = new ArrayList<>();
            for (String k : defaults.keys()) {
                if (!sg.options().has(k)) {
                    missing.add(k);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(where + "param group " + g + " lacks option(s) " + missing + nothing);
            }
            try {
                rules.validate(lrAsSchedulersLeaveIt(sg.options()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "param group " + g + ": " + e.getMessage() + nothing, e);
            }
            newOptions.add(sg.options());
        }
        IdentityHashMap<ParamSlot, Map<String, Object>> newState = new IdentityHashMap<>();
        for (Map.Entry<Integer, Map<String, Object>> e : sd.state().entrySet()) {
            ParamSlot s = byId.get(e.getKey());
            if (s == null) {
                throw new IllegalArgumentException(where + "the state dict has state for parameter id " + e.getKey()
                        + ", which is in no param group" + nothing);
            }
            int g = groupOf(s);
            try {
                rules.validateState(s.get(), e.getValue(), newOptions.get(g));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + "state of parameter id " + e.getKey() + ": " + ex.getMessage() + nothing, ex);
            }
            Map<String, Object> copy = StateValues.copyState(e.getValue(), where + "state of parameter id " + e.getKey());
            if (!copy.isEmpty()) {
                newState.put(s, copy);
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).replaceOptions(newOptions.get(g));
        }
        state.clear();
        state.putAll(newState);
        for (OptimizerHooks.LoadStateDictPostHook h : loadPost.snapshot()) {
            h.afterLoadStateDict(this);
        }
        for (OptimizerHooks.LoadStateDictPostHook h : OptimizerHooks.LOAD_POST.snapshot()) {
            h.afterLoadStateDict(this);
        }
    }

    private int groupOf(ParamSlot s) {
        for (int g = 0; g < groups.size(); g++) {
            for (ParamSlot o : groups.get(g).slots()) {
                if (o == s) {
                    return g;
                }
            }
        }
        throw new IllegalStateException("slot in no group");
    }

    /**
     * Saves {@link #stateDict()} to {@code path} in the format of {@link OptimizerStateDict#save(Path)}.
     *
     * @throws IOException when the file cannot be written
     */
    public final void save(Path path) throws IOException {
        stateDict().save(path);
    }

    /**
     * Loads a state dict saved by {@link #save(Path)} ({@link OptimizerStateDict#load(Path)}, then
     * {@link #loadStateDict}).
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when the file is malformed or does not fit this optimizer; nothing is loaded then
     */
    public final void load(Path path) throws IOException {
        loadStateDict(OptimizerStateDict.load(path));
    }

    // ------------------------------------------------------------------------------------------------
    // Hooks

    /** Registers a step pre-hook of this optimizer ({@code register_step_pre_hook}). */
    public final RemovableHandle registerStepPreHook(OptimizerHooks.StepPreHook hook) {
        return stepPre.add(hook, false);
    }

    /** Registers a step post-hook of this optimizer ({@code register_step_post_hook}). */
    public final RemovableHandle registerStepPostHook(OptimizerHooks.StepPostHook hook) {
        return stepPost.add(hook, false);
    }

    /** Registers a state-dict pre-hook; {@code prepend} runs it before the ones already registered. */
    public final RemovableHandle registerStateDictPreHook(OptimizerHooks.StateDictPreHook hook, boolean prepend) {
        return stateDictPre.add(hook, prepend);
    }

    /** {@link #registerStateDictPreHook(OptimizerHooks.StateDictPreHook, boolean)} appending. */
    public final RemovableHandle registerStateDictPreHook(OptimizerHooks.StateDictPreHook hook) {
        return registerStateDictPreHook(hook, false);
    }

    /** Registers a state-dict post-hook; {@code prepend} runs it before the ones already registered. */
    public final RemovableHandle registerStateDictPostHook(OptimizerHooks.StateDictPostHook hook, boolean prepend) {
        return stateDictPost.add(hook, prepend);
    }

    /** {@link #registerStateDictPostHook(OptimizerHooks.StateDictPostHook, boolean)} appending. */
    public final RemovableHandle registerStateDictPostHook(OptimizerHooks.StateDictPostHook hook) {
        return registerStateDictPostHook(hook, false);
    }

    /** Registers a load-state-dict pre-hook; {@code prepend} runs it before the ones already registered. */
    public final RemovableHandle registerLoadStateDictPreHook(OptimizerHooks.LoadStateDictPreHook hook, boolean prepend) {
        return loadPre.add(hook, prepend);
    }

    /** {@link #registerLoadStateDictPreHook(OptimizerHooks.LoadStateDictPreHook, boolean)} appending. */
    public final RemovableHandle registerLoadStateDictPreHook(OptimizerHooks.LoadStateDictPreHook hook) {
        return registerLoadStateDictPreHook(hook, false);
    }

    /** Registers a load-state-dict post-hook; {@code prepend} runs it before the ones already registered. */
    public final RemovableHandle registerLoadStateDictPostHook(OptimizerHooks.LoadStateDictPostHook hook, boolean prepend) {
        return loadPost.add(hook, prepend);
    }

    /** {@link #registerLoadStateDictPostHook(OptimizerHooks.LoadStateDictPostHook, boolean)} appending. */
    public final RemovableHandle registerLoadStateDictPostHook(OptimizerHooks.LoadStateDictPostHook hook) {
        return registerLoadStateDictPostHook(hook, false);
    }

    /** torch's repr: the class name and every group's options. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name()).append(" (");
        for (int g = 0; g < groups.size(); g++) {
            sb.append("\nParameter Group ").append(g);
            for (Map.Entry<String, Object> e : groups.get(g).options().asMap().entrySet()) {
                sb.append("\n    ").append(e.getKey()).append(": ").append(e.getValue());
            }
        }
        return sb.append("\n)").toString();
    }
}
