package dev.metagrad.optim.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.json.Json;
import dev.metagrad.optim.Schedule;

import java.util.List;

/** Kind {@code schedule} (FORMAT-torchopt.md section 5): the schedule's {@code values} at {@code counts}. */
final class ScheduleCase {
    private ScheduleCase() {
    }

    static CaseResult run(Golden c) {
        Schedule s = GoldenOptions.schedule(String.valueOf(c.get("schedule")), c.get("options"));
        List<?> counts = Json.asList(c.get("counts"), "counts");
        double[] values = new double[counts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = s.at((long) Json.toDouble(counts.get(i)));
        }
        CaseResult r = c.compare("values", values, Golden.numbers(c.get("values"), "values"), c.tolerance("values"));
        return r != null ? r : CaseResult.pass(c.id, c.op);
    }
}
