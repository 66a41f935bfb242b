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
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the variant golden files ({@code /dev/metagrad/golden-variants/*_variants.json}: the schema of
 * {@code torch_optim.json}, {@code lr_schedulers.json} and {@code swa_ema.json}, other seeds, shapes, options and
 * arguments; made with PyTorch 1.13 by {@code tools/golden-variants/generate_variants.py}) through the conformance
 * suites their {@code "suite"} field names, one test per case. A second pass drops the fields FORMAT.md marks
 * optional or informative, so the runners do not depend on them.
 */
class GoldenVariantsTest {
    private static final String DIR = "/dev/metagrad/golden-variants/";
    /** File, suite and case count: a case that went missing from a file would fail here, not pass silently. */
    private static final List<Object[]> FILES = List.<Object[]>of(
            new Object[] {"torch_optim_variants.json", TorchOptimSuite.NAME, 38},
            new Object[] {"lr_schedulers_variants.json", LrSchedulersSuite.NAME, 43},
            new Object[] {"swa_ema_variants.json", SwaEmaSuite.NAME, 15});
    /** Fields a case may lack (FORMAT.md 4.2, 5.1, 6): notes, informative values, a torch_optim warnings list. */
    private static final Set<String> OPTIONAL = Set.of("note", "perturbation_amplification", "grads0");

    private static GoldenDocument document(String file) {
        return GoldenDocument.resource(DIR + file);
    }

    static Stream<Arguments> variantCases() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] f : FILES) {
            for (ConformanceCase c : ConformanceRunner.cases(document((String) f[0]))) {
                out.add(Arguments.of(f[0] + " " + c.id(), c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variantCases")
    void matchesTorch(String name, ConformanceCase variant) {
        CaseResult result = variant.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void everyFileHasItsSuiteAndAllItsCases() {
        for (Object[] f : FILES) {
            GoldenDocument d = document((String) f[0]);
            assertThat(d.suiteName()).as((String) f[0]).isEqualTo(f[1]);
            assertThat(ConformanceRunner.cases(d)).as((String) f[0]).hasSize((Integer) f[2]);
            assertThat((String) d.root().get("provenance")).startsWith("PyTorch 1.13");
        }
    }

    static Stream<Arguments> casesWithoutOptionalFields() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] f : FILES) {
            GoldenDocument d = document((String) f[0]);
            Map<String, Object> root = new LinkedHashMap<>(d.root());
            List<Object> stripped = new ArrayList<>();
            for (Object c : (List<?>) root.get("cases")) {
                Map<String, Object> copy = new LinkedHashMap<>(asMap(c));
                copy.keySet().removeAll(OPTIONAL);
                stripped.add(copy);
            }
            root.put("cases", stripped);
            for (ConformanceCase c : ConformanceRunner.cases(new GoldenDocument(d.source() + " (stripped)", root))) {
                out.add(Arguments.of(f[0] + " " + c.id(), c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithoutOptionalFields")
    void optionalFieldsAreOptional(String name, ConformanceCase variant) {
        CaseResult result = variant.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
