package dev.metagrad.examples.data;

import dev.metagrad.autograd.Tensor;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads a numeric CSV table (UTF-8, optionally gzip-compressed, recognised by its magic bytes rather than
 * its name) into a {@link CsvTable}. Every data field must be a finite decimal number ({@code 12}, {@code
 * -0.5}, {@code 1.5e-3}); quoting, missing values, NaN and infinities are rejected with a
 * {@link CsvFormatException} naming the line and column, as is a row whose field count differs from the
 * first. Blank lines are skipped; line ends may be {@code \n} or {@code \r\n}.
 */
public final class CsvReader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t]+");

    private CsvReader() {
    }

    /**
     * Reads a file.
     *
     * @throws NoSuchFileException when it does not exist
     * @throws IOException         when it cannot be read
     * @throws CsvFormatException  when its content does not fit {@code format}
     */
    public static CsvTable read(Path file, CsvFormat format) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), format);
        }
    }

    /**
     * Reads a class-path resource, resolved like {@link Class#getResourceAsStream(String)}.
     *
     * @param anchor the class the name is relative to
     * @param name   the resource name
     * @throws NoSuchFileException when there is no such resource
     * @throws IOException         when it cannot be read
     * @throws CsvFormatException  when its content does not fit {@code format}
     */
    public static CsvTable readResource(Class<?> anchor, String name, CsvFormat format) throws IOException {
        InputStream in = anchor.getResourceAsStream(name);
        if (in == null) {
            throw new NoSuchFileException("resource " + name + " (relative to " + anchor.getName() + ") not found on the class path");
        }
        try (in) {
            return read(in, name, format);
        }
    }

    /**
     * Reads a stream to its end; the caller closes it.
     *
     * @param source what the stream is, for error messages
     * @throws IOException        when it cannot be read
     * @throws CsvFormatException when its content does not fit {@code format}
     */
    public static CsvTable read(InputStream in, String source, CsvFormat format) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(decompressed(in),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        Parser p = new Parser(source, format);
        String line;
        int lineNo = 0;
        try {
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark is not part of the first field
                }
                p.accept(line, lineNo);
            }
        } catch (CharacterCodingException e) {
            throw new CsvFormatException(source, lineNo + 1, 0, "not valid UTF-8 text");
        }
        return p.finish();
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in);
        b.mark(2);
        int b0 = b.read();
        int b1 = b.read();
        b.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(b) : b;
    }

    /** The state of one read: the header, the rows so far and the expected field count. */
    private static final class Parser {
        private final String source;
        private final CsvFormat format;
        private final List<double[]> rows = new ArrayList<>();
        private List<String> preamble = List.of();
        private List<String> names;
        private int fields = -1;
        private int fieldsLine;
        private boolean headerSeen;

        Parser(String source, CsvFormat format) {
            this.source = source;
            this.format = format;
        }

        void accept(String line, int lineNo) {
            if (line.isBlank()) {
                return;
            }
            List<String> cells = split(line, lineNo);
            if (!headerSeen && format.header() != CsvFormat.Header.NONE) {
                headerSeen = true;
                if (format.header() == CsvFormat.Header.PREAMBLE) {
                    preamble = cells;
                } else {
                    names = new ArrayList<>(cells.size());
                    for (int c = 0; c < cells.size(); c++) {
                        names.add(name(cells.get(c), lineNo, c + 1));
                    }
                    fields = cells.size();
                    fieldsLine = lineNo;
                }
                return;
            }
            if (fields < 0) {
                fields = cells.size();
                fieldsLine = lineNo;
            } else if (cells.size() != fields) {
                throw new CsvFormatException(source, lineNo, 0, "expected " + fields + " fields (as on line "
                        + fieldsLine + "), found " + cells.size());
            }
            double[] row = new double[cells.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = number(cells.get(c), lineNo, c + 1);
            }
            rows.add(row);
        }

        private List<String> split(String line, int lineNo) {
            String[] parts = switch (format.separator()) {
                case COMMA -> line.split(",", -1);
                case SEMICOLON -> line.split(";", -1);
                case TAB -> line.split("\t", -1);
                case WHITESPACE -> WHITESPACE.split(line.strip(), -1);
            };
            List<String> cells = new ArrayList<>(parts.length);
            for (String s : parts) {
                cells.add(s.strip());
            }
            return cells;
        }

        private String name(String cell, int lineNo, int column) {
            String n = cell;
            if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
                n = n.substring(1, n.length() - 1);
            }
            if (n.isEmpty()) {
                throw new CsvFormatException(source, lineNo, column, "empty column name in the header line");
            }
            return n;
        }

        private double number(String cell, int lineNo, int column) {
            if (cell.isEmpty()) {
                throw new CsvFormatException(source, lineNo, column, "empty field (missing values are not supported)");
            }
            if (!NUMBER.matcher(cell).matches()) {
                throw new CsvFormatException(source, lineNo, column, "'" + abbreviate(cell)
                        + "' is not a finite decimal number");
            }
            double v = Double.parseDouble(cell);
            if (!Double.isFinite(v)) {
                throw new CsvFormatException(source, lineNo, column, "'" + abbreviate(cell) + "' overflows a double");
            }
            return v;
        }

        CsvTable finish() {
            if (rows.isEmpty()) {
                throw new CsvFormatException(source, 0, 0, "no data rows");
            }
            int target = -1;
            if (format.targetColumn().isPresent()) {
                int t = format.targetColumn().getAsInt();
                target = t < 0 ? fields + t : t;
                if (target < 0 || target >= fields) {
                    throw new CsvFormatException(source, 0, 0, "target column " + t + " is out of range for "
                            + fields + " columns");
                }
                if (fields == 1) {
                    throw new CsvFormatException(source, 0, 0, "the target is the only column; no features are left");
                }
            }
            int n = rows.size();
            int d = target < 0 ? fields : fields - 1;
            double[] x = new double[n * d];
            double[] y = target < 0 ? null : new double[n];
            for (int r = 0; r < n; r++) {
                double[] row = rows.get(r);
                for (int c = 0, k = 0; c < fields; c++) {
                    if (c == target) {
                        y[r] = row[c];
                    } else {
                        x[r * d + k++] = row[c];
                    }
                }
            }
            List<String> all = names != null ? names : defaultNames(fields);
            List<String> featureNames = new ArrayList<>(all);
            Optional<String> targetName = Optional.empty();
            if (target >= 0) {
                targetName = Optional.of(featureNames.remove(target));
            }
            return new CsvTable(source, preamble, featureNames, Tensor.of(x, n, d), targetName,
                    y == null ? Optional.empty() : Optional.of(Tensor.of(y, n)));
        }

        private static List<String> defaultNames(int fields) {
            List<String> n = new ArrayList<>(fields);
            for (int c = 1; c <= fields; c++) {
                n.add("column " + c);
            }
            return n;
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 37) + "...";
        }
    }
}
