package dev.metagrad.autograd.check;

/**
 * Thrown by {@link GradCheck} when analytical and numerical derivatives disagree; the message names the
 * input, the element and both values.
 */
public final class GradcheckException extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its report. */
    public GradcheckException(String message) {
        super(message);
    }
}
