package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The update of {@code AveragedModel.update_parameters} on lists of tensors, shared by {@link AveragedModel}
 * and {@link AveragedParameters}: the first update copies the model's values; later ones apply the
 * {@link MultiAvgFn} to the tensors of each dtype together, or the {@link AvgFn} to each tensor, or, when
 * neither was given, {@link AveragingFunctions#swaAvgFn()} (what torch uses on CPU). Integer and bool tensors
 * (buffers such as {@code num_batches_tracked}) are averaged in float64 and cast back, truncating toward zero
 * as torch's {@code copy_} into an integer tensor does.
 */
final class Averager {
    private final AvgFn avgFn;
    private final MultiAvgFn multiAvgFn;

    private Averager(AvgFn avgFn, MultiAvgFn multiAvgFn) {
        this.avgFn = avgFn;
        this.multiAvgFn = multiAvgFn;
    }

    /**
     * The rule for torch's {@code avg_fn} and {@code multi_avg_fn} arguments (either may be null).
     *
     * @throws IllegalArgumentException when both are given
     */
    static Averager of(String owner, AvgFn avgFn, MultiAvgFn multiAvgFn) {
        if (avgFn != null && multiAvgFn != null) {
            throw new IllegalArgumentException(owner + ": only one of avgFn and multiAvgFn should be provided");
        }
        return new Averager(avgFn, multiAvgFn);
    }

    /**
     * Checks that {@code current} can be averaged into {@code averaged}: same count, same shapes.
     *
     * @throws IllegalArgumentException naming the first mismatch; {@code what} names the tensors
     */
    static void checkMatching(String owner, String what, List<String> names, List<Tensor> averaged, List<Tensor> current) {
        if (averaged.size() != current.size()) {
            throw new IllegalArgumentException(owner + ": the average has " + averaged.size() + " " + what + " but "
                    + current.size() + " were given");
        }
        for (int i = 0; i < averaged.size(); i++) {
            Tensor c = current.get(i);
            String name = names == null ? what + "[" + i + "]" : what + " '" + names.get(i) + "'";
            if (c == null) {
                throw new IllegalArgumentException(owner + ": " + name + " is null");
            }
            if (!Arrays.equals(c.shape(), averaged.get(i).shape())) {
                throw new IllegalArgumentException(owner + ": " + name + " has shape " + Shape.str(c.shape())
                        + " but its average has shape " + Shape.str(averaged.get(i).shape()));
            }
        }
    }

    /**
     * The new averages after one more model, detached and with the dtypes of {@code averaged}.
     *
     * @param averaged    the current averages
     * @param current     the model's values, already checked with {@link #checkMatching}
     * @param numAveraged how many models the averages hold (0 before the first update)
     * @throws IllegalArgumentException when a user-supplied rule returns the wrong number or shape of tensors
     */
    List<Tensor> update(String owner, List<Tensor> averaged, List<Tensor> current, long numAveraged) {
        try (GradMode.Scope scope = GradMode.noGrad()) {
            List<Tensor> out = new ArrayList<>(averaged.size());
            if (numAveraged == 0) {
                for (int i = 0; i < averaged.size(); i++) {
                    out.add(current.get(i).detach().to(averaged.get(i).dtype()));
                }
                return out;
            }
            Tensor[] next = new Tensor[averaged.size()];
            // torch groups by (device, dtype) before calling a multi_avg_fn; integer groups compute in float64
            Map<DType, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < averaged.size(); i++) {
                groups.computeIfAbsent(averaged.get(i).dtype(), d -> new ArrayList<>()).add(i);
            }
            for (Map.Entry<DType, List<Integer>> group : groups.entrySet()) {
                DType dtype = group.getKey();
                DType compute = dtype.isFloatingPoint() ? dtype : DType.FLOAT64;
                List<Tensor> a = new ArrayList<>();
                List<Tensor> c = new ArrayList<>();
                for (int i : group.getValue()) {
                    a.add(averaged.get(i).detach().to(compute));
                    c.add(current.get(i).detach().to(compute));
                }
                List<Tensor> result = apply(owner, a, c, numAveraged);
                for (int k = 0; k < result.size(); k++) {
                    int i = group.getValue().get(k);
                    Tensor r = result.get(k);
                    if (r == null || !Arrays.equals(r.shape(), averaged.get(i).shape())) {
                        throw new IllegalArgumentException(owner + ": the averaging function returned "
                                + (r == null ? "null" : "shape " + Shape.str(r.shape())) + " for tensor " + i
                                + " whose average has shape " + Shape.str(averaged.get(i).shape()));
                    }
                    next[i] = r.detach().to(dtype);
                }
            }
            out.addAll(Arrays.asList(next));
            return out;
        }
    }

    private List<Tensor> apply(String owner, List<Tensor> a, List<Tensor> c, long n) {
        if (multiAvgFn != null) {
            List<Tensor> result = multiAvgFn.apply(List.copyOf(a), List.copyOf(c), n);
            if (result == null || result.size() != a.size()) {
                throw new IllegalArgumentException(owner + ": the multiAvgFn returned "
                        + (result == null ? "null" : result.size() + " tensors") + " for " + a.size() + " averages");
            }
            return result;
        }
        AvgFn fn = avgFn != null ? avgFn : AveragingFunctions.swaAvgFn();
        List<Tensor> result = new ArrayList<>(a.size());
        for (int k = 0; k < a.size(); k++) {
            result.add(fn.apply(a.get(k), c.get(k), n));
        }
        return result;
    }
}
