package dev.metagrad.optim.torch.lr;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** torch's {@code _format_param}: a scheduler argument given once for all groups or once per group. */
final class PerGroup {
    private PerGroup() {
    }

    /** The value repeated for every group. */
    static double[] of(double value, int groups) {
        double[] out = new double[groups];
        Arrays.fill(out, value);
        return out;
    }

    /**
     * One value per group.
     *
     * @throws IllegalArgumentException when the count differs from the number of groups (torch's message)
     */
    static double[] of(String name, List<Double> values, int groups) {
        Objects.requireNonNull(values, name);
        if (values.size() != groups) {
            throw new IllegalArgumentException(name + " must have the same length as optimizer.param_groups. "
                    + name + " has " + values.size() + " values, param_groups has " + groups + ".");
        }
        double[] out = new double[groups];
        for (int i = 0; i < groups; i++) {
            out[i] = Objects.requireNonNull(values.get(i), name + "[" + i + "]");
        }
        return out;
    }
}
