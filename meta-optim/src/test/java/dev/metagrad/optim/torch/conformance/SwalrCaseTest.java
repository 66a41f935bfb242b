package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.CaseResult;
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

/** The five {@code swalr} cases of {@code swa_ema.json} (a test copy of the golden file) through {@link SwalrCase}. */
class SwalrCaseTest {
    private static final String RESOURCE = "/dev/metagrad/optim/torch/conformance/swa_ema.json";

    private static List<Map<String, Object>> swalrCases() {
        Map<String, Object> root = GoldenDocument.resource(RESOURCE).root();
        return GoldenDocument.cases(root, RESOURCE).stream().filter(c -> SwalrCase.KIND.equals(c.get("kind"))).toList();
    }

    static Stream<Arguments> cases() {
        return swalrCases().stream().map(c -> Arguments.of(c.get("id"), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorch(String id, Map<String, Object> data) {
        CaseResult result = SwalrCase.run(id, data);
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void theFileHasFiveSwalrCasesOneWithAPreScheduler() {
        assertThat(swalrCases()).hasSize(5);
        assertThat(swalrCases().stream().filter(c -> c.get("pre_scheduler") != null)).hasSize(1);
    }

    @Test
    void aWrongLrFailsTheCase() {
        Map<String, Object> data = new LinkedHashMap<>(swalrCases().get(0));
        List<Object> lrs = new ArrayList<>((List<?>) data.get("lrs"));
        lrs.set(2, List.of(0.3, 0.08272542485937369));
        data.put("lrs", lrs);
        CaseResult result = SwalrCase.run("x", data);
        assertThat(result.passed()).isFalse();
        assertThat(result.field()).isEqualTo("lrs[2]");
    }

    @Test
    void anotherKindIsRejected() {
        Map<String, Object> data = new LinkedHashMap<>(swalrCases().get(0));
        data.put("kind", "averaged_model");
        CaseResult result = SwalrCase.run("x", data);
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("not a swalr case: kind is string \"averaged_model\"");
    }
}
