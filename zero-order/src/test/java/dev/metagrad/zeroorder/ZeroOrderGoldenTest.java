package dev.metagrad.zeroorder;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceRunner;
import dev.metagrad.conformance.GoldenDocument;
import dev.metagrad.optim.conformance.TorchOptSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every zero_order case of meta-optim's bundled torchopt.json, run through the TorchOptKind service. */
class ZeroOrderGoldenTest {
    static Stream<Arguments> zeroOrderCases() {
        return ConformanceRunner.cases(GoldenDocument.resource(TorchOptSuite.RESOURCE)).stream()
                .filter(c -> "zero_order".equals(c.kind())).map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zeroOrderCases")
    void matchesGolden(String id, ConformanceCase golden) {
        CaseResult result = golden.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void bundledFileHasFiveZeroOrderCases() {
        assertThat(zeroOrderCases().count()).isEqualTo(5);
    }
}
