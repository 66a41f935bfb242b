package dev.metagrad.examples.data;

/**
 * A CSV file that does not hold the numeric table its {@link CsvFormat} describes. The message names the
 * source and, where there is one, the 1-based line and column of the problem.
 */
public final class CsvFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    /**
     * An error at a line and column.
     *
     * @param source what was read (a file name or resource)
     * @param line   the 1-based line, or 0 when the problem is not on one line
     * @param column the 1-based column, or 0 when the problem is not in one column
     * @param problem what is wrong
     */
    public CsvFormatException(String source, int line, int column, String problem) {
        super(message(source, line, column, problem));
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** What was read. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, 0 when it is not on one line. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, 0 when it is not in one column. */
    public int column() {
        return column;
    }

    private static String message(String source, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column > 0) {
            sb.append(", column ").append(column);
        }
        return sb.append(": ").append(problem).toString();
    }
}
