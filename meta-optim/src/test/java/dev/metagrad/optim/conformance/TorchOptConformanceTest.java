package dev.metagrad.optim.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceRunner;
import dev.metagrad.conformance.ConformanceSuites;
import dev.metagrad.conformance.GoldenDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every alias, schedule, transform and meta case of the bundled {@code torchopt.json}, one test each. */
class TorchOptConformanceTest {
    private static final Set<String> IMPLEMENTED = Set.of("alias", "schedule", "transform", "meta");

    private static List<ConformanceCase> bundledCases() {
        return ConformanceRunner.cases(GoldenDocument.resource(TorchOptSuite.RESOURCE));
    }

    static Stream<Arguments> implementedCases() {
        return bundledCases().stream().filter(c -> IMPLEMENTED.contains(c.kind())).map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementedCases")
    void matchesTorchOpt(String id, ConformanceCase golden) {
        CaseResult result = golden.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void bundledFileHasEveryImplementedKind() {
        assertThat(implementedCases().count()).isEqualTo(30 + 8 + 17 + 9);
    }

    @Test
    void kindsNotImplementedYetFailWithAReason() {
        ConformanceCase other = bundledCases().stream().filter(c -> "linear_solve".equals(c.kind())).findFirst().orElseThrow();
        CaseResult result = other.run();
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("not implemented yet");
    }

    @Test
    void suiteIsDiscoveredByServiceLoader() {
        assertThat(ConformanceSuites.get(TorchOptSuite.NAME)).isInstanceOf(TorchOptSuite.class);
    }
}
