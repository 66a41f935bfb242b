package dev.metagrad.examples.data;

import java.util.OptionalInt;

/**
 * How {@link CsvReader} reads a numeric table: the field separator, what the first line is, and which
 * column (if any) is the target. Immutable; start from {@link #csv()} or {@link #whitespace()} and change
 * it with the withers.
 *
 * @param separator    how fields are separated
 * @param header       what the first line holds
 * @param targetColumn the column split off as the target, counted from 0, or from the end when negative
 *                     ({@code -1} is the last column, as in Python); empty for a table without a target
 */
public record CsvFormat(Separator separator, Header header, OptionalInt targetColumn) {
    /** How the fields of a line are separated. */
    public enum Separator {
        /** One comma between fields. */
        COMMA,
        /** One semicolon between fields. */
        SEMICOLON,
        /** One tab between fields. */
        TAB,
        /** Runs of spaces and tabs, with leading and trailing ones ignored (numpy's {@code loadtxt} default). */
        WHITESPACE
    }

    /** What the first line of the file holds. */
    public enum Header {
        /** Nothing special: the first line is data. */
        NONE,
        /** Column names, one per column. */
        NAMES,
        /**
         * Metadata that is not data, kept as raw fields in {@link CsvTable#preamble()} (scikit-learn's bundled
         * files put the row count, column count and class names there).
         */
        PREAMBLE
    }

    /**
     * A format.
     *
     * @throws NullPointerException when an argument is null
     */
    public CsvFormat {
        if (separator == null || header == null || targetColumn == null) {
            throw new NullPointerException("CsvFormat: separator, header and targetColumn must not be null");
        }
    }

    /** Comma-separated, no header line, no target. */
    public static CsvFormat csv() {
        return new CsvFormat(Separator.COMMA, Header.NONE, OptionalInt.empty());
    }

    /** Whitespace-separated, no header line, no target. */
    public static CsvFormat whitespace() {
        return new CsvFormat(Separator.WHITESPACE, Header.NONE, OptionalInt.empty());
    }

    /** This format with another separator. */
    public CsvFormat withSeparator(Separator s) {
        return new CsvFormat(s, header, targetColumn);
    }

    /** This format with another header kind. */
    public CsvFormat withHeader(Header h) {
        return new CsvFormat(separator, h, targetColumn);
    }

    /**
     * This format with column {@code column} as the target; negative counts from the end ({@code -1} = last).
     */
    public CsvFormat withTargetColumn(int column) {
        return new CsvFormat(separator, header, OptionalInt.of(column));
    }

    /** This format with every column a feature. */
    public CsvFormat withoutTarget() {
        return new CsvFormat(separator, header, OptionalInt.empty());
    }
}
