package dev.metagrad.conformance;

import java.util.List;

/**
 * The results of a conformance run, over the selected cases only.
 *
 * @param results one result per selected case, in run order
 */
public record ConformanceReport(List<CaseResult> results) {
    /** Copies the list. */
    public ConformanceReport {
        results = List.copyOf(results);
    }

    /** Number of passing cases. */
    public int passed() {
        return (int) results.stream().filter(CaseResult::passed).count();
    }

    /** Number of failing cases. */
    public int failed() {
        return results.size() - passed();
    }

    /** The failing cases, in run order. */
    public List<CaseResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** The closing line of the runner's output: {@code N passed, M failed}. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }
}
