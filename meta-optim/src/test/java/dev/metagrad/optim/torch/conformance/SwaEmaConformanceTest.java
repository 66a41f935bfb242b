package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceRunner;
import dev.metagrad.conformance.ConformanceSuites;
import dev.metagrad.conformance.GoldenDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every case of the bundled {@code swa_ema.json}, one test each, plus checks that failures name what differed. */
class SwaEmaConformanceTest {
    private static List<ConformanceCase> bundledCases() {
        return ConformanceRunner.cases(GoldenDocument.resource(SwaEmaSuite.RESOURCE));
    }

    static Stream<Arguments> allCases() {
        return bundledCases().stream().map(c -> Arguments.of(c.id(), c));
    }

    private static long countOfKind(String kind) {
        return bundledCases().stream().filter(c -> kind.equals(c.kind())).count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void matchesTorch(String id, ConformanceCase golden) {
        CaseResult result = golden.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void theBundledFileHasSevenAveragedModelAndFiveSwalrCases() {
        assertThat(bundledCases()).hasSize(12);
        assertThat(countOfKind("averaged_model")).isEqualTo(7);
        assertThat(countOfKind("swalr")).isEqualTo(5);
        assertThat(bundledCases().stream().map(ConformanceCase::op))
                .contains("AveragedModel/swa", "AveragedModel/swa_multi", "AveragedModel/ema", "AveragedModel/ema_plain", "SWALR");
    }

    @Test
    void aWrongDecayIsReportedAtTheSecondUpdate() {
        Map<String, Object> data = new LinkedHashMap<>(rawCase("averaged_ema_0"));
        data.put("decay", 0.9000001);
        CaseResult result = new SwaEmaCase("averaged_ema_0", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.describe()).startsWith("FAIL averaged_ema_0 averaged[1][0] abs=");
    }

    @Test
    void aWrongCountOrAnUnknownRuleFailsTheCase() {
        Map<String, Object> data = new LinkedHashMap<>(rawCase("averaged_swa_0"));
        data.put("n_averaged", List.of(1, 3, 3, 4, 5, 6, 7, 8));
        assertThat(new SwaEmaCase("c", data).run().describe()).isEqualTo("FAIL c n_averaged[1] is 2, expected 3");
        data = new LinkedHashMap<>(rawCase("averaged_swa_0"));
        data.put("avg", "median");
        assertThat(new SwaEmaCase("c", data).run().describe())
                .isEqualTo("FAIL c error unknown avg \"median\"; expected swa, swa_multi, ema or ema_plain");
        data.put("kind", "polyak");
        assertThat(new SwaEmaCase("c", data).run().describe())
                .isEqualTo("FAIL c error unknown kind polyak; expected averaged_model or swalr");
    }

    @Test
    void suiteIsDiscoveredByServiceLoader() {
        assertThat(ConformanceSuites.get(SwaEmaSuite.NAME)).isInstanceOf(SwaEmaSuite.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rawCase(String id) {
        Map<String, Object> root = GoldenDocument.resource(SwaEmaSuite.RESOURCE).root();
        for (Object c : (List<?>) root.get("cases")) {
            if (id.equals(((Map<String, Object>) c).get("id"))) {
                return (Map<String, Object>) c;
            }
        }
        throw new IllegalArgumentException("no case " + id);
    }
}
