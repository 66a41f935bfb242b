package dev.metagrad.examples.maml;

import dev.metagrad.conformance.CaseFilter;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceRunner;
import dev.metagrad.conformance.ConformanceSuites;
import dev.metagrad.conformance.GoldenDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MamlSineGoldenTest {
    private static GoldenDocument bundled() {
        return GoldenDocument.resource(MamlSineSuite.RESOURCE);
    }

    @Test
    void theSuiteIsRegisteredAndBundlesTheGoldenFile() {
        assertThat(ConformanceSuites.get(MamlSineSuite.NAME)).isInstanceOf(MamlSineSuite.class);
        assertThat(bundled().suiteName()).isEqualTo(MamlSineSuite.NAME);
    }

    @Test
    void everyBundledCasePasses() {
        List<CaseResult> results = ConformanceRunner.runCases(ConformanceRunner.cases(bundled()), CaseFilter.all(), r -> { });
        assertThat(results).isNotEmpty();
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.describe()).isTrue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFirstOrderVariantOfTheCaseRunsAndItsMetaGradientDiffers() {
        // the public file has only a second-order case: flip its flag; the forward values of iteration 0
        // must still match (M.4), the meta-gradient must not
        Map<String, Object> root = bundled().root();
        Map<String, Object> c = new java.util.LinkedHashMap<>(((List<Map<String, Object>>) root.get("cases")).get(0));
        Map<String, Object> config = new java.util.LinkedHashMap<>((Map<String, Object>) c.get("config"));
        config.put("first_order", true);
        c.put("config", config);
        Map<String, Object> forwardOnly = new java.util.LinkedHashMap<>(c);
        for (String later : List.of("meta_losses", "meta_grads_first_iteration", "params_after_first_step", "params_after")) {
            forwardOnly.remove(later);
        }
        assertThat(new MamlSineCase("fo-forward", forwardOnly).run().passed()).isTrue();
        CaseResult full = new MamlSineCase("fo", c).run();
        assertThat(full.passed()).isFalse();
        // iteration 0's meta-loss agrees, so the first difference is a later meta-loss or the meta-gradient
        assertThat(full.field()).matches("meta_losses|meta_grads_first_iteration\\[\\d]");
    }

    @Test
    void aBrokenCaseFailsAloneWithAReason() {
        ConformanceCase c = new MamlSineCase("broken", Map.of("config", Map.of("activation", "tanh")));
        CaseResult r = c.run();
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).contains("activation");
    }
}
