package dev.metagrad.examples.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFormatTest {
    @Test
    void formatsAreImmutableValues() {
        CsvFormat base = CsvFormat.csv();
        CsvFormat named = base.withHeader(CsvFormat.Header.NAMES).withTargetColumn(-1);
        assertThat(base.header()).isEqualTo(CsvFormat.Header.NONE);
        assertThat(base.targetColumn()).isEmpty();
        assertThat(named.withoutTarget().targetColumn()).isEmpty();
        assertThat(named).isEqualTo(new CsvFormat(CsvFormat.Separator.COMMA, CsvFormat.Header.NAMES,
                OptionalInt.of(-1)));
        assertThatThrownBy(() -> new CsvFormat(null, CsvFormat.Header.NONE, OptionalInt.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThat(List.of(CsvFormat.Separator.values())).hasSize(4);
    }
}
