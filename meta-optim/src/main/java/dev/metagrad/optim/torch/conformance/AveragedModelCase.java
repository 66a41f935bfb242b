package dev.metagrad.optim.torch.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.swa.AveragedParameters;
import dev.metagrad.optim.torch.swa.AveragingFunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.torch.conformance.GoldenCase.require;

/**
 * The {@code "kind": "averaged_model"} cases of {@code swa_ema.json} (FORMAT.md section 6): an
 * {@link AveragedParameters} with the case's rule ({@code swa}: the default; {@code swa_multi}:
 * {@link AveragingFunctions#swaMultiAvgFn()}; {@code ema}: {@link AveragingFunctions#emaMultiAvgFn(double)};
 * {@code ema_plain}: {@link AveragingFunctions#emaAvgFn(double)}) is updated with each snapshot in turn; after
 * update k the averages are compared with {@code averaged[k]} (rtol 1e-12, atol 1e-14) and the count with
 * {@code n_averaged[k]} (exactly). The average starts from zeros, not from a snapshot, so a first update that
 * blended instead of copying would fail.
 */
final class AveragedModelCase {
    /** The case kind this runner handles. */
    static final String KIND = "averaged_model";
    /** FORMAT.md section 2: lr schedulers, SWALR, SWA/EMA averages. */
    private static final Tolerance TOLERANCE = new Tolerance(1e-12, 1e-14);

    private AveragedModelCase() {
    }

    /** {@code AveragedModel/<avg>} for reports. */
    static String op(Map<String, Object> data) {
        return "AveragedModel/" + (data.get("avg") instanceof String s ? s : "?");
    }

    /** Runs one case; never throws for a problem of the case or the library. */
    static CaseResult run(String id, Map<String, Object> data) {
        String op = op(data);
        return GoldenCase.run(id, op, () -> runChecked(data));
    }

    private static void runChecked(Map<String, Object> data) {
        List<List<Tensor>> snapshots = snapshotList(require(data, "snapshots"), "snapshots");
        List<?> averaged = Json.asList(require(data, "averaged"), "averaged");
        List<?> counts = Json.asList(require(data, "n_averaged"), "n_averaged");
        if (snapshots.isEmpty() || averaged.size() != snapshots.size() || counts.size() != snapshots.size()) {
            throw new IllegalArgumentException("snapshots, averaged and n_averaged must have the same non-zero length, got "
                    + snapshots.size() + ", " + averaged.size() + ", " + counts.size());
        }
        List<Tensor> initial = new ArrayList<>();
        for (Tensor t : snapshots.get(0)) {
            initial.add(Tensor.zerosLike(t));
        }
        AveragedParameters average = build(data, initial);
        for (int k = 0; k < snapshots.size(); k++) {
            average.updateParameters(snapshots.get(k));
            List<?> expected = Json.asList(averaged.get(k), "averaged[" + k + "]");
            if (expected.size() != average.averaged().size()) {
                throw Mismatch.structure("averaged[" + k + "]", average.averaged().size() + " tensors, expected " + expected.size());
            }
            for (int i = 0; i < expected.size(); i++) {
                StateComparison.tensor("averaged[" + k + "][" + i + "]", average.averaged().get(i), expected.get(i), TOLERANCE);
            }
            long want = (long) Json.toDouble(counts.get(k));
            if (average.nAveraged() != want) {
                throw Mismatch.structure("n_averaged[" + k + "]", "is " + average.nAveraged() + ", expected " + want);
            }
        }
    }

    private static AveragedParameters build(Map<String, Object> data, List<Tensor> initial) {
        Object avg = require(data, "avg");
        if (!(avg instanceof String name)) {
            throw new IllegalArgumentException("\"avg\" must be a string, got " + Json.describe(avg));
        }
        return switch (name) {
            case "swa" -> new AveragedParameters(initial);
            case "swa_multi" -> AveragedParameters.builder(initial).multiAvgFn(AveragingFunctions.swaMultiAvgFn()).build();
            case "ema" -> AveragedParameters.builder(initial).multiAvgFn(AveragingFunctions.emaMultiAvgFn(decay(data))).build();
            case "ema_plain" -> AveragedParameters.builder(initial).avgFn(AveragingFunctions.emaAvgFn(decay(data))).build();
            default -> throw new IllegalArgumentException("unknown avg \"" + name + "\"; expected swa, swa_multi, ema or ema_plain");
        };
    }

    private static double decay(Map<String, Object> data) {
        Object decay = require(data, "decay");
        if (decay == null) {
            throw new IllegalArgumentException("an EMA case needs a \"decay\" number, got null");
        }
        return Json.toDouble(decay);
    }

    private static List<List<Tensor>> snapshotList(Object value, String what) {
        List<List<Tensor>> out = new ArrayList<>();
        List<?> rows = Json.asList(value, what);
        for (int k = 0; k < rows.size(); k++) {
            out.add(GoldenTensors.decodeList(rows.get(k), what + "[" + k + "]"));
        }
        return out;
    }
}
