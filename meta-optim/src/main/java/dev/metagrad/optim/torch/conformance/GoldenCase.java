package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.CaseResult;

import java.util.Map;

/** What the case runners of this package share: turning a run into a result, and reading required fields. */
final class GoldenCase {
    private GoldenCase() {
    }

    /**
     * Runs one case's checks. Never throws for a problem of the case or the library: a {@link Mismatch} becomes
     * the failure naming its field, any other exception (or a stack overflow) an error with its message.
     *
     * @param body the checks; they throw on the first difference
     * @return pass, or the failure
     */
    static CaseResult run(String id, String op, Runnable body) {
        try {
            body.run();
            return CaseResult.pass(id, op);
        } catch (Mismatch m) {
            return m.toResult(id, op);
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return CaseResult.error(id, op, message);
        }
    }

    /**
     * The value of a field the case must have (it may be JSON null).
     *
     * @throws IllegalArgumentException {@code missing field "<field>"} when the case lacks it
     */
    static Object require(Map<String, Object> data, String field) {
        if (!data.containsKey(field)) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return data.get(field);
    }
}
