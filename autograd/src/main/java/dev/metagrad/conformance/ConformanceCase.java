package dev.metagrad.conformance;

/**
 * One case of a golden file, ready to run. Cases decode their data when run, so a malformed case fails
 * alone instead of stopping the file.
 */
public interface ConformanceCase {
    /** The case id, unique within its file. */
    String id();

    /** What the case exercises: the op, algorithm or scheduler name. */
    String op();

    /** The case's {@code "kind"} field, or null when it has none. */
    String kind();

    /**
     * Runs the case and compares with the reference. Never throws for a problem of the case or the
     * library under test: those are failed results with the reason.
     */
    CaseResult run();
}
