package dev.metagrad.implicit.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceRunner;
import dev.metagrad.conformance.GoldenDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated variants of torchopt.json's {@code linear_solve} and {@code implicit} cases (other seeds, sizes and
 * option combinations than the public file, same schema), run through the {@code torchopt} suite and so through
 * {@link LinearSolveGoldenKind} and {@link ImplicitGoldenKind}. The expected numbers come from an independent
 * numpy implementation of FORMAT-torchopt.md §8–9 ({@code tools/golden-variants/torchopt/}), which reproduces
 * every public case.
 */
class TorchOptVariantsTest {
    static final String RESOURCE = "/dev/metagrad/implicit/conformance/torchopt_variants_linear_implicit.json";

    static List<ConformanceCase> cases() {
        return ConformanceRunner.cases(GoldenDocument.resource(RESOURCE));
    }

    static Stream<Arguments> variantCases() {
        return cases().stream().map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variantCases")
    void matchesTheVariant(String id, ConformanceCase variant) {
        CaseResult result = variant.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void theFileHoldsEveryVariant() {
        Map<String, Long> byKind = cases().stream().collect(Collectors.groupingBy(ConformanceCase::kind, Collectors.counting()));
        assertThat(byKind).isEqualTo(Map.of("linear_solve", 55L, "implicit", 32L));
    }
}
