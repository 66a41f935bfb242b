package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceRunner;
import dev.metagrad.conformance.ConformanceSuites;
import dev.metagrad.conformance.GoldenDocument;
import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.Optimizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the bundled {@code torch_optim.json} whose algorithm is registered, one test each, plus checks that
 * the suite fails (never skips) the others and names the first differing field.
 */
class TorchOptimConformanceTest {
    private static List<ConformanceCase> bundledCases() {
        return ConformanceRunner.cases(GoldenDocument.resource(TorchOptimSuite.RESOURCE));
    }

    static Stream<Arguments> registeredCases() {
        return bundledCases().stream().filter(c -> Optimizers.names().contains(c.op())).map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredCases")
    void matchesTorch(String id, ConformanceCase golden) {
        CaseResult result = golden.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void everySgdAdamAndAdamWCaseIsRun() {
        assertThat(registeredCases().map(a -> ((ConformanceCase) a.get()[1]).op())
                .filter(op -> List.of("SGD", "Adam", "AdamW").contains(op)).count()).isEqualTo(9 + 8 + 5);
    }

    @Test
    void everyCaseOfTheOtherFirstOrderAlgorithmsIsRun() {
        Map<String, Long> counts = new LinkedHashMap<>();
        registeredCases().map(a -> ((ConformanceCase) a.get()[1]).op()).forEach(op -> counts.merge(op, 1L, Long::sum));
        assertThat(counts).containsAllEntriesOf(Map.of("Adamax", 4L, "Adagrad", 5L, "Adadelta", 5L, "RMSprop", 7L,
                "RAdam", 7L, "NAdam", 7L, "ASGD", 5L, "Rprop", 4L));
    }

    @Test
    void anUnknownAlgorithmFailsTheCase() {
        Map<String, Object> data = new LinkedHashMap<>(rawCase("adam_0"));
        data.put("algorithm", "Adafactor");
        CaseResult result = new TorchOptimCase("x", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.field()).isEqualTo(CaseResult.ERROR);
        assertThat(result.message()).startsWith("unknown algorithm Adafactor");
    }

    @Test
    void aDifferenceIsReportedByItsFirstField() {
        Map<String, Object> data = new LinkedHashMap<>(rawCase("adam_0"));
        Map<String, Object> options = new LinkedHashMap<>(asMap(data.get("options")));
        options.put("lr", 0.0500001);
        data.put("options", options);
        CaseResult result = new TorchOptimCase("adam_0", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.field()).isEqualTo("trajectory[0][0]");
        assertThat(result.describe()).startsWith("FAIL adam_0 trajectory[0][0] abs=");
    }

    @Test
    void anExtraStateKeyIsReported() {
        Map<String, Object> data = new LinkedHashMap<>(rawCase("sgd_0"));
        Map<String, Object> fs = new LinkedHashMap<>(asMap(data.get("final_state")));
        fs.put("state", List.of(Map.of(), Map.of("momentum_buffer", Map.of("shape", List.of(), "data", List.of(0.0)))));
        data.put("final_state", fs);
        CaseResult result = new TorchOptimCase("sgd_0", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.field()).isEqualTo("final_state.state[1].momentum_buffer");
    }

    @Test
    void suiteIsDiscoveredByServiceLoader() {
        assertThat(ConformanceSuites.get(TorchOptimSuite.NAME)).isInstanceOf(TorchOptimSuite.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> rawCase(String id) {
        Map<String, Object> root = GoldenDocument.resource(TorchOptimSuite.RESOURCE).root();
        for (Object c : (List<?>) root.get("cases")) {
            if (id.equals(asMap(c).get("id"))) {
                return asMap(c);
            }
        }
        throw new IllegalArgumentException("no case " + id + " in " + Json.typeName(root));
    }
}
