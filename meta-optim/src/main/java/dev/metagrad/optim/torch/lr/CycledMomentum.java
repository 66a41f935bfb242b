package dev.metagrad.optim.torch.lr;

import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.Optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The option {@link CyclicLR} and {@link OneCycleLR} cycle against the learning rate: SGD's
 * {@code "momentum"}, or {@code betas[0]} for optimizers whose defaults have {@code "betas"} (Adam and
 * friends; torch 2.x's {@code use_beta1}).
 */
enum CycledMomentum {
    /** The {@code "momentum"} option. */
    MOMENTUM,
    /** The first element of the {@code "betas"} tuple. */
    BETA1;

    /**
     * {@link #BETA1} when the optimizer's defaults have {@code "betas"}, else {@link #MOMENTUM}.
     *
     * @throws IllegalArgumentException when the defaults have neither (torch's message)
     */
    static CycledMomentum of(Optimizer optimizer) {
        if (optimizer.defaults().has("betas")) {
            return BETA1;
        }
        if (optimizer.defaults().has("momentum")) {
            return MOMENTUM;
        }
        throw new IllegalArgumentException(
                "optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
    }

    /** Stages {@code group[momentum] = m}, or {@code group["betas"] = (m, *betas[1:])}. */
    void write(GroupWrites groups, int group, double m) {
        if (this == MOMENTUM) {
            groups.put(group, "momentum", m);
            return;
        }
        Object betas = groups.get(group, "betas");
        if (!(betas instanceof List<?> old) || old.isEmpty()) {
            throw new IllegalStateException("param_groups[" + group + "][\"betas\"] must be a non-empty list, got "
                    + Json.describe(betas));
        }
        List<Object> updated = new ArrayList<>(old);
        updated.set(0, m);
        groups.put(group, "betas", updated);
    }

    /**
     * Puts torch's state-dict entries of momentum cycling: {@code cycle_momentum}, and with it
     * {@code use_beta1 = (key == BETA1)}.
     */
    static void putState(Map<String, Object> state, boolean cycleMomentum, CycledMomentum key) {
        state.put("cycle_momentum", cycleMomentum);
        if (cycleMomentum) {
            state.put("use_beta1", key == BETA1);
        }
    }

    /**
     * Reads {@code cycle_momentum} and {@code use_beta1} (queued on {@code r}, as every entry): a scheduler built
     * without momentum cycling ({@code built == null}) rejects {@code cycle_momentum = true}, since it has no
     * momentum values to cycle, and ignores {@code use_beta1}.
     *
     * @param built the key the scheduler was built with, or null
     * @throws IllegalArgumentException ({@link StateReader#error}) for {@code cycle_momentum = true} without
     *                                  {@code built}, or entries that are not booleans
     */
    static void readState(StateReader r, CycledMomentum built, Consumer<Boolean> cycleMomentum,
                          Consumer<CycledMomentum> key) {
        if (Boolean.TRUE.equals(r.peek("cycle_momentum")) && built == null) {
            throw r.error("cycle_momentum", "is true, but this scheduler was built without momentum cycling");
        }
        r.readBoolean("cycle_momentum", cycleMomentum);
        r.readBoolean("use_beta1", v -> {
            if (built != null) {
                key.accept(v ? BETA1 : MOMENTUM);
            }
        });
    }
}
