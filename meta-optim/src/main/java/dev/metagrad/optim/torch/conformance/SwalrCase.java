package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.lr.LRScheduler;
import dev.metagrad.optim.torch.lr.SchedulerWarnings;

import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.torch.conformance.GoldenCase.require;

/**
 * The {@code "kind": "swalr"} cases of {@code swa_ema.json} (FORMAT.md section 6): a two-group SGD; when the
 * case has a {@code pre_scheduler}, that CosineAnnealingLR is built and stepped {@code steps} times first
 * (its lrs compared with {@code lrs_after}); then {@code SWALR(optimizer, **args)} and {@code steps} times
 * {@code optimizer.step(); swalr.step()}. Compared: the lrs after construction and after every step, and
 * the warnings (exactly). The {@code swa-ema} suite runs its swalr cases through {@link #run}.
 */
public final class SwalrCase {
    /** The case kind this runner handles. */
    public static final String KIND = "swalr";

    private SwalrCase() {
    }

    /**
     * Runs one swalr case of {@code swa_ema.json}. Never throws for a problem of the case: that is a failed
     * result with the reason.
     *
     * @param id   the case id
     * @param data the case's JSON object
     */
    public static CaseResult run(String id, Map<String, Object> data) {
        return GoldenCase.run(id, "SWALR", () -> runChecked(data));
    }

    private static void runChecked(Map<String, Object> data) {
        if (!KIND.equals(data.get("kind"))) {
            throw new IllegalArgumentException("not a swalr case: kind is " + Json.describe(data.get("kind")));
        }
        int steps = Json.toInt(require(data, "steps"), "steps");
        Object args = require(data, "args");
        Optimizer optimizer = GoldenOptimizers.create(require(data, "optimizer"));
        LrTrace lrs = new LrTrace();
        List<String> warnings;
        try (SchedulerWarnings.Recorder recorder = SchedulerWarnings.record()) {
            Object pre = data.get("pre_scheduler");
            if (pre != null) {
                runPreScheduler(optimizer, pre);
            }
            LRScheduler swalr = GoldenSchedulers.create(optimizer, "SWALR", args);
            lrs.record(GoldenOptimizers.lrs(optimizer));
            for (int k = 0; k < steps; k++) {
                optimizer.step();
                swalr.step();
                lrs.record(GoldenOptimizers.lrs(optimizer));
            }
            warnings = recorder.messages();
        }
        lrs.compare("lrs", require(data, "lrs"));
        LrTrace.compareWarnings(warnings, require(data, "warnings"));
    }

    @SuppressWarnings("unchecked")
    private static void runPreScheduler(Optimizer optimizer, Object spec) {
        if (!(spec instanceof Map<?, ?> m) || !(m.get("scheduler") instanceof String name)) {
            throw new IllegalArgumentException("\"pre_scheduler\" must be {scheduler, args, steps, lrs_after}, got "
                    + Json.describe(spec));
        }
        Map<String, Object> pre = (Map<String, Object>) m;
        LRScheduler s = GoldenSchedulers.create(optimizer, name, pre.get("args"));
        int steps = Json.toInt(require(pre, "steps"), "steps");
        for (int k = 0; k < steps; k++) {
            optimizer.step();
            s.step();
        }
        LrTrace.compareRow("pre_scheduler.lrs_after", GoldenOptimizers.lrs(optimizer), require(pre, "lrs_after"));
    }
}
