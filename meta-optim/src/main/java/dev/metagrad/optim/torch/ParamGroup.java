package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One param group of an {@link Optimizer}: torch's {@code optimizer.param_groups[i]} dict. It holds the
 * group's parameters and its resolved options, which stay mutable as in torch: LR schedulers write
 * {@code "lr"}, {@code "momentum"}, {@code "betas"}, {@code "initial_lr"}, {@code "swa_lr"} between steps.
 *
 * <p>{@link #set} validates: the group's options after the change must still pass the optimizer's
 * {@link GroupRules#validate}, otherwise nothing changes. Keys the algorithm does not know (such as a
 * scheduler's {@code "initial_lr"}) may be added freely, as in torch. LR schedulers write through
 * {@link #setFromScheduler}, which, like torch's plain {@code param_group[key] = value}, does not re-validate.
 */
public final class ParamGroup {
    private final List<ParamSlot> slots;
    private final GroupRules rules;
    private Options options;

    ParamGroup(List<ParamSlot> slots, Options options, GroupRules rules) {
        this.slots = List.copyOf(slots);
        this.options = options;
        this.rules = rules;
    }

    /** The current parameter tensors (new leaf objects after each step), in order. */
    public List<Tensor> params() {
        List<Tensor> out = new ArrayList<>(slots.size());
        for (ParamSlot s : slots) {
            out.add(s.get());
        }
        return out;
    }

    /** The number of parameters of the group. */
    public int size() {
        return slots.size();
    }

    /** A snapshot of every option of this group (later {@link #set} calls do not change it). */
    public Options options() {
        return options;
    }

    /**
     * The value of option {@code key} (possibly null).
     *
     * @throws IllegalArgumentException when the group has no such option
     */
    public Object get(String key) {
        return options.get(key);
    }

    /**
     * Option {@code key} as a double.
     *
     * @throws IllegalArgumentException when absent or not a number
     */
    public double getDouble(String key) {
        return options.getDouble(key);
    }

    /** Whether the group has option {@code key}. */
    public boolean has(String key) {
        return options.has(key);
    }

    /**
     * Sets option {@code key} ({@code param_group[key] = value}).
     *
     * @throws IllegalArgumentException when the value has an unsupported type or makes the group invalid
     *                                  (for example a negative {@code lr}); the group is unchanged then
     */
    public void set(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if ("params".equals(key)) {
            throw new IllegalArgumentException("ParamGroup.set: \"params\" cannot be set; use Optimizer.addParamGroup");
        }
        Options next = options.with(key, value);
        rules.validate(next);
        options = next;
    }

    /**
     * Sets option {@code key} the way torch's LR schedulers do, by plain assignment
     * ({@code param_group[key] = value}): the value is normalised like any option (see {@link Options}), but the
     * group is not re-validated. torch's schedulers may legitimately leave a value outside the range its
     * constructors accept, and torch keeps it: the recursive form of {@code LinearLR(end_factor=0)} ends a
     * rounding error below zero ({@code lr·(1 + (0 − s)/(T·s + (T−1)·(0 − s)))} with a factor of about
     * {@code −2e-16}), and chained recursive cosine forms can drive lr below 0; a cycled momentum may reach 0
     * in a nesterov group. Rejecting such a value would stop a schedule torch runs.
     *
     * @throws IllegalArgumentException when {@code key} is {@code "params"} or the value has an unsupported type;
     *                                  the group is unchanged then
     */
    public void setFromScheduler(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if ("params".equals(key)) {
            throw new IllegalArgumentException("ParamGroup.setFromScheduler: \"params\" cannot be set");
        }
        options = options.with(key, value);
    }

    /** The learning rate, option {@code "lr"}. */
    public double lr() {
        return options.getDouble("lr");
    }

    /**
     * Sets the learning rate, option {@code "lr"}.
     *
     * @throws IllegalArgumentException when the optimizer rejects it (e.g. negative)
     */
    public void setLr(double lr) {
        set("lr", lr);
    }

    List<ParamSlot> slots() {
        return slots;
    }

    /** Replaces all options at once (loading a state dict, which validated them). */
    void replaceOptions(Options newOptions) {
        options = newOptions;
    }

    @Override
    public String toString() {
        return "ParamGroup" + options + " with " + slots.size() + " parameter(s)";
    }
}
