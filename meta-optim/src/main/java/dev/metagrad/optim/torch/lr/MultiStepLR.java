package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code torch.optim.lr_scheduler.MultiStepLR}: multiplies the lr by {@code gamma} at each milestone epoch.
 * Milestones are counted like torch's {@code Counter}: a milestone listed twice applies gamma twice.
 *
 * <p>Chainable form, with e = {@code last_epoch}: {@code lr·gamma^(count of e in milestones)} when e is a
 * milestone, else {@code lr}. Closed form: {@code base·gamma^(number of milestones <= e)}.
 */
public final class MultiStepLR extends LRScheduler {
    /** Milestone to multiplicity, in order of first appearance (torch's Counter). */
    private Map<Integer, Integer> milestones;
    private double gamma;

    /** {@code MultiStepLR(optimizer, milestones)} with {@code gamma = 0.1}. */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones) {
        this(optimizer, milestones, 0.1);
    }

    /**
     * {@code MultiStepLR(optimizer, milestones, gamma)}.
     *
     * @throws NullPointerException when {@code milestones} or one of them is null
     */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma) {
        super(optimizer);
        Objects.requireNonNull(milestones, "milestones");
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (Integer m : milestones) {
            counts.merge(Objects.requireNonNull(m, "milestones must not contain null"), 1, Integer::sum);
        }
        this.milestones = counts;
        this.gamma = gamma;
        initialize();
    }

    /** The milestones with repetitions, sorted (torch's {@code sorted(milestones.elements())}). */
    public List<Integer> milestones() {
        List<Integer> out = new ArrayList<>();
        milestones.forEach((m, n) -> out.addAll(Collections.nCopies(n, m)));
        Collections.sort(out);
        return out;
    }

    @Override
    protected double[] getLr() {
        Integer count = milestones.get(lastEpoch());
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = count == null ? currentLr(i) : currentLr(i) * Math.pow(gamma, count);
        }
        return out;
    }

    @Override
    protected double[] closedFormLr() {
        int passed = 0;
        for (int m : milestones()) {
            if (m <= lastEpoch()) {
                passed++;
            }
        }
        double[] out = new double[baseLrCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * Math.pow(gamma, passed);
        }
        return out;
    }

    /** {@code "milestones"} is torch's Counter as an object from the milestone (a decimal string) to its count. */
    @Override
    void putAttributes(Map<String, Object> state) {
        Map<String, Object> counter = new LinkedHashMap<>();
        milestones.forEach((m, n) -> counter.put(Integer.toString(m), (long) n));
        state.put("milestones", counter);
        state.put("gamma", gamma);
    }

    @Override
    void readAttributes(StateReader r) {
        Map<String, Object> raw = r.readObject("milestones");
        if (raw != null) {
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : raw.entrySet()) {
                int milestone;
                try {
                    milestone = Integer.parseInt(e.getKey().trim());
                } catch (NumberFormatException ex) {
                    throw r.error("milestones", "keys must be integers, got \"" + e.getKey() + "\"");
                }
                int n = r.toInt("milestones[" + e.getKey() + "]", e.getValue());
                if (n < 1) {
                    throw r.error("milestones", "counts must be positive, got " + n + " for " + milestone);
                }
                counts.put(milestone, n);
            }
            r.then(() -> milestones = counts);
        }
        r.readDouble("gamma", v -> gamma = v);
    }
}
