package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-group values recorded after construction and after every step (lrs or momentums), compared with a
 * golden {@code [[g0, g1], ...]} table at the scheduler tolerance of FORMAT.md section 2.
 */
final class LrTrace {
    /** Scheduler sequences: rtol 1e-12, atol 1e-14. */
    static final Tolerance TOLERANCE = new Tolerance(1e-12, 1e-14);

    private final List<double[]> rows = new ArrayList<>();

    void record(double[] row) {
        rows.add(row.clone());
    }

    /**
     * Compares with the golden table.
     *
     * @throws Mismatch naming the first row ({@code field[k]}) that differs, or the row count
     */
    void compare(String field, Object expected) {
        if (!(expected instanceof List<?> table)) {
            throw Mismatch.structure(field, "expected a list of rows, got " + Json.describe(expected));
        }
        if (table.size() != rows.size()) {
            throw Mismatch.structure(field, rows.size() + " rows != expected " + table.size());
        }
        for (int k = 0; k < rows.size(); k++) {
            compareRow(field + "[" + k + "]", rows.get(k), table.get(k));
        }
    }

    /**
     * Compares one row of per-group values.
     *
     * @throws Mismatch when it differs
     */
    static void compareRow(String field, double[] actual, Object expected) {
        if (!(expected instanceof List<?> l)) {
            throw Mismatch.structure(field, "expected a list of numbers, got " + Json.describe(expected));
        }
        double[] e = new double[l.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = Json.toDouble(l.get(i));
        }
        Mismatch.check(field, TOLERANCE.compare(actual, e));
    }

    /**
     * Compares the recorded warnings with the golden {@code warnings} list, exactly.
     *
     * @throws Mismatch listing both when they differ
     */
    static void compareWarnings(List<String> actual, Object expected) {
        if (!(expected instanceof List<?> l)) {
            throw Mismatch.structure("warnings", "expected a list, got " + Json.describe(expected));
        }
        if (!actual.equals(l)) {
            throw Mismatch.structure("warnings", "got " + actual + ", expected " + l);
        }
    }
}
