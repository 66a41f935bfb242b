package dev.metagrad.io;

import java.io.IOException;

/**
 * A safetensors file that breaks the format: a header length that lies, a header that is not valid JSON
 * or misses fields, byte ranges that overlap, leave holes or run past the data, a dtype that cannot be
 * read, a truncated file. The message names the source, the tensor and the problem. Nothing is loaded
 * from a file that fails: the whole header is checked before any tensor is decoded.
 */
public class SafetensorsFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public SafetensorsFormatException(String message) {
        super(message);
    }

    /** An exception with the given message and underlying cause. */
    public SafetensorsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
