package dev.metagrad.optim.torch.lr;

import java.util.List;
import java.util.Objects;

/** A builder argument given either once for every group or as a per-group list. */
final class PerGroupValue {
    private final double scalar;
    private final List<Double> list;

    private PerGroupValue(double scalar, List<Double> list) {
        this.scalar = scalar;
        this.list = list;
    }

    static PerGroupValue of(double value) {
        return new PerGroupValue(value, null);
    }

    static PerGroupValue of(List<Double> values) {
        return new PerGroupValue(Double.NaN, List.copyOf(Objects.requireNonNull(values, "values")));
    }

    /**
     * One value per group.
     *
     * @throws IllegalArgumentException when a list's length is not the number of groups (torch's message)
     */
    double[] resolve(String name, int groups) {
        return list == null ? PerGroup.of(scalar, groups) : PerGroup.of(name, list, groups);
    }
}
