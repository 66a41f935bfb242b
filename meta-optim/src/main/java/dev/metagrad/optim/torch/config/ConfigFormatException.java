package dev.metagrad.optim.torch.config;

/**
 * A configuration file that cannot be read: bad YAML, an unknown key, a value of the wrong type. The message
 * starts with {@code source:line:} and names the key, e.g.
 * {@code config.yaml:4: optim.base_lr: expected a number, got 'fast'}.
 */
public final class ConfigFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String key;

    /**
     * @param source the file (or other origin) for messages
     * @param line   the 1-based line of the problem, or 0 when unknown
     * @param key    the dotted key at fault ({@code optim.base_lr}), or null when the problem is not a key's
     * @param problem what is wrong
     * @param cause  the parser's exception, or null
     */
    ConfigFormatException(String source, int line, String key, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (key == null ? "" : key + ": ") + problem, cause);
        this.source = source;
        this.line = line;
        this.key = key;
    }

    /** The file (or other origin) the configuration came from. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The dotted key at fault, or null when the problem is not a key's (bad YAML, wrong top level). */
    public String key() {
        return key;
    }
}
