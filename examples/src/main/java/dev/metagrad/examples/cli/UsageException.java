package dev.metagrad.examples.cli;

/** A command line that a command does not understand; the message says why. */
public final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public UsageException(String message) {
        super(message);
    }
}
