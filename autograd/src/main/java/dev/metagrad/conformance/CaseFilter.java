package dev.metagrad.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Selects cases by prefix ({@code --only P,...}): a case is selected when its id, op or kind starts with
 * one of the prefixes. Without prefixes every case is selected.
 */
public final class CaseFilter {
    private final List<String> prefixes;

    private CaseFilter(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    /** The filter that selects every case. */
    public static CaseFilter all() {
        return new CaseFilter(List.of());
    }

    /** A filter from prefixes; empty ones are ignored, and none at all selects every case. */
    public static CaseFilter prefixes(List<String> prefixes) {
        List<String> kept = new ArrayList<>();
        for (String p : prefixes) {
            if (!p.isEmpty()) {
                kept.add(p);
            }
        }
        return new CaseFilter(kept);
    }

    /** A filter from a comma-separated list, as given to {@code --only}. */
    public static CaseFilter parse(String commaSeparated) {
        return prefixes(List.of(commaSeparated.split(",")));
    }

    /** The prefixes; empty when every case is selected. */
    public List<String> prefixes() {
        return prefixes;
    }

    /** Whether the case is selected. */
    public boolean test(ConformanceCase c) {
        if (prefixes.isEmpty()) {
            return true;
        }
        for (String p : prefixes) {
            if (startsWith(c.id(), p) || startsWith(c.op(), p) || startsWith(c.kind(), p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(String value, String prefix) {
        return value != null && value.startsWith(prefix);
    }
}
