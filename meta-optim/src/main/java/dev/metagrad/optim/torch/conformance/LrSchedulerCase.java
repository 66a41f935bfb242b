package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.lr.LRScheduler;
import dev.metagrad.optim.torch.lr.ReduceLROnPlateau;
import dev.metagrad.optim.torch.lr.SchedulerWarnings;

import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.torch.conformance.GoldenCase.require;

/**
 * One case of {@code lr_schedulers.json} (FORMAT.md section 5): a two-group SGD or Adam optimizer, the named
 * scheduler built with the case's {@code args}, then {@code steps} times {@code optimizer.step()} (a no-op)
 * followed by {@code scheduler.step()} ({@code step(metrics[k])} for ReduceLROnPlateau). Compared: the
 * {@code base_lrs}, the lrs after construction and after every step, the cycled momentums when the case
 * has a {@code momentum_key}, and the warnings emitted while constructing and stepping (exactly).
 */
final class LrSchedulerCase implements ConformanceCase {
    /** The {@link #kind()} of every case, so {@code --only lr_scheduler} selects the whole file. */
    static final String KIND = "lr_scheduler";

    private final String id;
    private final Map<String, Object> data;
    private final String scheduler;

    LrSchedulerCase(String id, Map<String, Object> data) {
        this.id = id;
        this.data = data;
        this.scheduler = data.get("scheduler") instanceof String s ? s : null;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String op() {
        return scheduler;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public CaseResult run() {
        return GoldenCase.run(id, scheduler, this::runChecked);
    }

    private void runChecked() {
        if (scheduler == null) {
            throw new IllegalArgumentException("case has no \"scheduler\" string");
        }
        int steps = Json.toInt(require(data, "steps"), "steps");
        Object args = data.get("args");
        String momentumKey = data.get("momentum_key") instanceof String k ? k : null;
        Optimizer optimizer = GoldenOptimizers.create(require(data, "optimizer"));
        LrTrace lrs = new LrTrace();
        LrTrace momentums = new LrTrace();
        List<String> warnings;
        try (SchedulerWarnings.Recorder recorder = SchedulerWarnings.record()) {
            double[] initialLrs = GoldenOptimizers.lrs(optimizer);
            List<Double> baseLrs;
            Runnable step;
            if ("ReduceLROnPlateau".equals(scheduler)) {
                ReduceLROnPlateau plateau = GoldenSchedulers.plateau(optimizer, args);
                List<?> metrics = Json.asList(require(data, "metrics"), "metrics");
                if (metrics.size() != steps) {
                    throw new IllegalArgumentException("\"metrics\" has " + metrics.size() + " values for " + steps + " steps");
                }
                baseLrs = toList(initialLrs);
                int[] k = {0};
                step = () -> plateau.step(Json.toDouble(metrics.get(k[0]++)));
            } else {
                LRScheduler s = GoldenSchedulers.create(optimizer, scheduler, args);
                baseLrs = s.baseLrs();
                step = s::step;
            }
            LrTrace.compareRow("base_lrs", toArray(baseLrs), require(data, "base_lrs"));
            record(optimizer, momentumKey, lrs, momentums);
            for (int k = 0; k < steps; k++) {
                optimizer.step();
                step.run();
                record(optimizer, momentumKey, lrs, momentums);
            }
            warnings = recorder.messages();
        }
        lrs.compare("lrs", require(data, "lrs"));
        if (momentumKey != null) {
            momentums.compare("momentums", require(data, "momentums"));
        }
        LrTrace.compareWarnings(warnings, require(data, "warnings"));
    }

    private static void record(Optimizer optimizer, String momentumKey, LrTrace lrs, LrTrace momentums) {
        lrs.record(GoldenOptimizers.lrs(optimizer));
        if (momentumKey != null) {
            momentums.record(GoldenOptimizers.momentums(optimizer, momentumKey));
        }
    }

    private static List<Double> toList(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
