package dev.metagrad.optim.torch.lr;

import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.Optimizer;

import java.util.ArrayList;
import java.util.List;

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
}
