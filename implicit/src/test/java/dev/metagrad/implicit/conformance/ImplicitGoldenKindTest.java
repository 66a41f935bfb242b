package dev.metagrad.implicit.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceRunner;
import dev.metagrad.conformance.GoldenDocument;
import dev.metagrad.json.Json;
import dev.metagrad.optim.conformance.TorchOptKind;
import dev.metagrad.optim.conformance.TorchOptSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every implicit case of meta-optim's bundled torchopt.json, run through the TorchOptKind service. */
class ImplicitGoldenKindTest {
    static Stream<Arguments> implicitCases() {
        return ConformanceRunner.cases(GoldenDocument.resource(TorchOptSuite.RESOURCE)).stream()
                .filter(c -> "implicit".equals(c.kind())).map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implicitCases")
    void matchesGolden(String id, ConformanceCase golden) {
        CaseResult result = golden.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void bundledFileHasSeventeenImplicitCases() {
        assertThat(implicitCases().count()).isEqualTo(17);
    }

    @Test
    void isRegisteredAsAService() {
        assertThat(ServiceLoader.load(TorchOptKind.class).stream().map(p -> p.get().kind())).contains("implicit");
    }

    @Test
    void aWrongGradientIsReportedByField() {
        Map<String, Object> c = firstCase("implicit_fixed_point_2");
        @SuppressWarnings("unchecked")
        Map<String, Object> grads = new LinkedHashMap<>((Map<String, Object>) c.get("grads"));
        grads.put("W", scaled(grads.get("W")));
        c.put("grads", grads);
        CaseResult result = new ImplicitGoldenKind().run("implicit_fixed_point_2", c);
        assertThat(result.passed()).isFalse();
        assertThat(result.describe()).contains("grads.W");
    }

    @Test
    void zeroDimValuesMayBeNumbersOrEncodedScalars() {
        Map<String, Object> c = firstCase("implicit_ridge_12");
        double loss = Json.toDouble(c.get("outer_loss"));
        c.put("outer_loss", Map.of("shape", List.of(), "data", List.of(loss)));
        @SuppressWarnings("unchecked")
        Map<String, Object> aux = new LinkedHashMap<>((Map<String, Object>) c.get("aux"));
        @SuppressWarnings("unchecked")
        Object inner = ((List<Object>) ((Map<String, Object>) aux.get("inner_objective")).get("data")).get(0);
        aux.put("inner_objective", inner);
        c.put("aux", aux);
        assertThat(new ImplicitGoldenKind().run("implicit_ridge_12", c).passed()).isTrue();
        c.put("outer_loss", loss * 1.001);
        CaseResult wrong = new ImplicitGoldenKind().run("implicit_ridge_12", c);
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.describe()).contains("outer_loss");
    }

    @Test
    void nullSolverOptionsAreTheSolversDefaults() {
        Map<String, Object> c = firstCase("implicit_ridge_1");
        Map<String, Object> solve = new LinkedHashMap<>();
        solve.put("name", "solve_cg");
        solve.put("options", null);
        c.put("solve", solve);
        assertThat(new ImplicitGoldenKind().run("implicit_ridge_1", c).passed()).isTrue();
    }

    @Test
    void unknownSolverOptionsAreErrorsNotIgnored() {
        Map<String, Object> c = firstCase("implicit_ridge_1");
        c.put("solve", Map.of("name", "solve_cg", "options", Map.of("tol", 1e-3)));
        assertThatThrownBy(() -> new ImplicitGoldenKind().run("implicit_ridge_1", c))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option tol");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstCase(String id) {
        Map<String, Object> doc = GoldenDocument.resource(TorchOptSuite.RESOURCE).root();
        for (Object c : (List<Object>) doc.get("cases")) {
            Map<String, Object> m = (Map<String, Object>) c;
            if (id.equals(m.get("id"))) {
                return new LinkedHashMap<>(m);
            }
        }
        throw new AssertionError("no case " + id);
    }

    @SuppressWarnings("unchecked")
    private static Object scaled(Object tensor) {
        Map<String, Object> t = new LinkedHashMap<>((Map<String, Object>) tensor);
        List<Object> data = (List<Object>) t.get("data");
        t.put("data", data.stream().map(v -> Json.toDouble(v) * 1.001).toList());
        return t;
    }
}
