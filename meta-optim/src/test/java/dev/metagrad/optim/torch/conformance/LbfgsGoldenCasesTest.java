package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceRunner;
import dev.metagrad.conformance.GoldenDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LBFGS cases of {@code torch_optim.json} through the torch-optim suite: every one passes (losses, trajectory,
 * lbfgs_trace, final_state), and a wrong evaluation count or a wrong state entry is caught and named.
 */
class LbfgsGoldenCasesTest {
    static Stream<Arguments> lbfgsCases() {
        return ConformanceRunner.cases(GoldenDocument.resource(TorchOptimSuite.RESOURCE)).stream()
                .filter(c -> "LBFGS".equals(c.op())).map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lbfgsCases")
    void matchesTorch(String id, ConformanceCase golden) {
        CaseResult result = golden.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void allSevenPublicCasesArePresent() {
        assertThat(lbfgsCases().map(a -> (String) a.get()[0]))
                .containsExactly("lbfgs_0", "lbfgs_1", "lbfgs_2", "lbfgs_3", "lbfgs_4", "lbfgs_5", "lbfgs_6");
    }

    @Test
    void aWrongEvaluationCountIsReported() {
        Map<String, Object> data = new LinkedHashMap<>(rawCase("lbfgs_6"));
        List<Object> trace = new ArrayList<>(asList(data.get("lbfgs_trace")));
        Map<String, Object> first = new LinkedHashMap<>(asMap(trace.get(0)));
        first.put("func_evals", 26L); // what a fixed max_ls = 25 would allow
        trace.set(0, first);
        data.put("lbfgs_trace", trace);
        CaseResult result = new TorchOptimCase("lbfgs_6", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.field()).isEqualTo("lbfgs_trace[0].func_evals");
    }

    @Test
    void aWrongHistoryEntryIsReported() {
        Map<String, Object> data = new LinkedHashMap<>(rawCase("lbfgs_3"));
        Map<String, Object> fs = new LinkedHashMap<>(asMap(data.get("final_state")));
        List<Object> states = new ArrayList<>(asList(fs.get("state")));
        Map<String, Object> s0 = new LinkedHashMap<>(asMap(states.get(0)));
        List<Object> ro = new ArrayList<>(asList(s0.get("ro")));
        ro.set(1, Map.of("shape", List.of(), "data", List.of(0.5)));
        s0.put("ro", ro);
        states.set(0, s0);
        fs.put("state", states);
        data.put("final_state", fs);
        CaseResult result = new TorchOptimCase("lbfgs_3", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.field()).startsWith("final_state.state[0].ro");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) {
        return (List<Object>) o;
    }

    private static Map<String, Object> rawCase(String id) {
        for (Object c : asList(GoldenDocument.resource(TorchOptimSuite.RESOURCE).root().get("cases"))) {
            if (id.equals(asMap(c).get("id"))) {
                return asMap(c);
            }
        }
        throw new IllegalArgumentException("no case " + id);
    }
}
