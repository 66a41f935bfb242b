package dev.metagrad.examples.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {
    private static CsvTable read(String text, CsvFormat format) throws IOException {
        return CsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", format);
    }

    @Test
    void readsANamesHeaderAndSplitsOffTheTargetColumn() throws IOException {
        CsvTable t = read("a,b,label,c\n1,2,0,3\r\n4.5,-6e1,1,.25\n", CsvFormat.csv()
                .withHeader(CsvFormat.Header.NAMES).withTargetColumn(2));
        assertThat(t.featureNames()).containsExactly("a", "b", "c");
        assertThat(t.targetName()).contains("label");
        assertThat(t.features().shape()).containsExactly(2, 3);
        assertThat(t.features().toDoubleArray()).containsExactly(1, 2, 3, 4.5, -60, 0.25);
        assertThat(t.target().orElseThrow().toDoubleArray()).containsExactly(0, 1);
        assertThat(t.preamble()).isEmpty();
    }

    @Test
    void aNegativeTargetColumnCountsFromTheEnd() throws IOException {
        CsvTable t = read("1,2,3\n4,5,6\n", CsvFormat.csv().withTargetColumn(-1));
        assertThat(t.featureNames()).containsExactly("column 1", "column 2");
        assertThat(t.targetName()).contains("column 3");
        assertThat(t.target().orElseThrow().toDoubleArray()).containsExactly(3, 6);
    }

    @Test
    void withoutATargetEveryColumnIsAFeature() throws IOException {
        CsvTable t = read("1;2\n\n3;4\n", CsvFormat.csv().withSeparator(CsvFormat.Separator.SEMICOLON));
        assertThat(t.features().toDoubleArray()).containsExactly(1, 2, 3, 4);
        assertThat(t.target()).isEmpty();
        assertThat(t.targetName()).isEmpty();
    }

    @Test
    void aPreambleLineIsKeptRawAndNotParsed() throws IOException {
        CsvTable t = read("2,1,no,yes\n0.5,1\n1.5,0\n", CsvFormat.csv().withHeader(CsvFormat.Header.PREAMBLE)
                .withTargetColumn(-1));
        assertThat(t.preamble()).containsExactly("2", "1", "no", "yes");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.features().toDoubleArray()).containsExactly(0.5, 1.5);
    }

    @Test
    void whitespaceSeparatedFieldsMayBeRunsOfSpacesAndTabs() throws IOException {
        CsvTable t = read("  59 2\t 32.1\n48   1 21.6  \n", CsvFormat.whitespace());
        assertThat(t.features().toDoubleArray()).containsExactly(59, 2, 32.1, 48, 1, 21.6);
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesAndAByteOrderMarkIsDropped(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("\uFEFFx,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("no-gz-suffix.csv");
        Files.write(file, bytes.toByteArray());
        CsvTable t = CsvReader.read(file, CsvFormat.csv().withHeader(CsvFormat.Header.NAMES));
        assertThat(t.featureNames()).containsExactly("x", "y");
        assertThat(t.features().toDoubleArray()).containsExactly(1, 2);
        assertThat(t.source()).isEqualTo(file.toString());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("1,2\n3,x\n", 2, 2, "'x' is not a finite decimal number"),
                Arguments.of("1,2\n3,\n", 2, 2, "empty field"),
                Arguments.of("1,2\n3,nan\n", 2, 2, "'nan' is not a finite decimal number"),
                Arguments.of("1,2\n3,Infinity\n", 2, 2, "is not a finite decimal number"),
                Arguments.of("1,2\n3,0x10\n", 2, 2, "is not a finite decimal number"),
                Arguments.of("1,2\n3,1e999\n", 2, 2, "overflows a double"),
                Arguments.of("1,2\n3,\"4\"\n", 2, 2, "is not a finite decimal number"),
                Arguments.of("1,2\n\n3,4,5\n", 3, 0, "expected 2 fields (as on line 1), found 3"),
                Arguments.of("1,2\n3\n", 2, 0, "expected 2 fields (as on line 1), found 1"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("malformed")
    void malformedDataNamesTheLineAndColumn(String text, int line, int column, String problem) {
        assertThatThrownBy(() -> read(text, CsvFormat.csv()))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.source()).isEqualTo("t.csv");
                })
                .hasMessageContaining("t.csv, line " + line)
                .hasMessageContaining(problem);
    }

    @Test
    void aDataRowMustMatchTheHeaderWidth() {
        assertThatThrownBy(() -> read("a,b,c\n1,2\n", CsvFormat.csv().withHeader(CsvFormat.Header.NAMES)))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("t.csv, line 2: expected 3 fields (as on line 1), found 2");
        assertThatThrownBy(() -> read("a,,c\n1,2,3\n", CsvFormat.csv().withHeader(CsvFormat.Header.NAMES)))
                .hasMessage("t.csv, line 1, column 2: empty column name in the header line");
    }

    @Test
    void tableLevelProblemsAreReportedWithoutALine() {
        assertThatThrownBy(() -> read("\n\n", CsvFormat.csv())).hasMessage("t.csv: no data rows");
        assertThatThrownBy(() -> read("a,b\n", CsvFormat.csv().withHeader(CsvFormat.Header.NAMES)))
                .hasMessage("t.csv: no data rows");
        assertThatThrownBy(() -> read("1,2\n", CsvFormat.csv().withTargetColumn(2)))
                .hasMessage("t.csv: target column 2 is out of range for 2 columns");
        assertThatThrownBy(() -> read("1,2\n", CsvFormat.csv().withTargetColumn(-3)))
                .hasMessage("t.csv: target column -3 is out of range for 2 columns");
        assertThatThrownBy(() -> read("1\n", CsvFormat.csv().withTargetColumn(0)))
                .hasMessageContaining("the target is the only column");
    }

    @Test
    void invalidUtf8IsReported() {
        byte[] bad = {'1', ',', '2', '\n', (byte) 0xff, ',', '3', '\n'};
        InputStream in = new ByteArrayInputStream(bad);
        assertThatThrownBy(() -> CsvReader.read(in, "bad.csv", CsvFormat.csv()))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void missingFilesAndResourcesAreNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> CsvReader.read(dir.resolve("nope.csv"), CsvFormat.csv()))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> CsvReader.readResource(CsvReaderTest.class, "/no/such.csv", CsvFormat.csv()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("/no/such.csv");
    }
}
