package dev.metagrad.nn;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadResultTest {
    @Test
    void anExactMatchHasNoMissingOrUnexpectedKeys() {
        assertThat(new LoadResult(List.of(), List.of()).isExactMatch()).isTrue();
        assertThat(new LoadResult(List.of("a"), List.of()).isExactMatch()).isFalse();
        assertThat(new LoadResult(List.of(), List.of("b")).isExactMatch()).isFalse();
    }

    @Test
    void theListsAreUnmodifiableCopies() {
        List<String> missing = new ArrayList<>(List.of("a"));
        LoadResult r = new LoadResult(missing, List.of());
        missing.add("b");
        assertThat(r.missingKeys()).containsExactly("a");
        assertThatThrownBy(() -> r.unexpectedKeys().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
