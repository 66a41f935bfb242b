package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceRunner;
import dev.metagrad.conformance.ConformanceSuites;
import dev.metagrad.conformance.GoldenDocument;
import dev.metagrad.json.Json;
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

/** Every case of the bundled {@code lr_schedulers.json}, one test each, and how the suite reports failures. */
class LrSchedulersConformanceTest {
    private static List<ConformanceCase> bundledCases() {
        return ConformanceRunner.cases(GoldenDocument.resource(LrSchedulersSuite.RESOURCE));
    }

    static Stream<Arguments> cases() {
        return bundledCases().stream().map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorch(String id, ConformanceCase golden) {
        CaseResult result = golden.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void theBundledFileHasAll43CasesOfEveryScheduler() {
        List<ConformanceCase> cases = bundledCases();
        assertThat(cases).hasSize(43);
        assertThat(cases.stream().map(ConformanceCase::op).distinct())
                .containsExactlyInAnyOrderElementsOf(GoldenSchedulers.NAMES.stream().filter(n -> !n.equals("SWALR")).toList());
        assertThat(cases).allSatisfy(c -> assertThat(c.kind()).isEqualTo("lr_scheduler"));
    }

    @Test
    void suiteIsDiscoveredByServiceLoader() {
        assertThat(ConformanceSuites.get(LrSchedulersSuite.NAME)).isInstanceOf(LrSchedulersSuite.class);
    }

    @Test
    void anUnknownLambdaKindFailsTheCaseWithAMessage() {
        Map<String, Object> data = copy(rawCase("lambdalr_0"));
        Map<String, Object> args = copy(object(data.get("args")));
        Map<String, Object> lambda = copy(object(args.get("lr_lambda")));
        lambda.put("kind", "cosine_warmup");
        args.put("lr_lambda", lambda);
        data.put("args", args);
        CaseResult result = new LrSchedulerCase("x", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.field()).isEqualTo(CaseResult.ERROR);
        assertThat(result.message()).startsWith("unknown lr_lambda kind string \"cosine_warmup\"")
                .contains("exp", "alternate");
    }

    @Test
    void anUnknownArgumentFailsTheCase() {
        Map<String, Object> data = copy(rawCase("steplr_0"));
        Map<String, Object> args = copy(object(data.get("args")));
        args.put("verbose", true);
        data.put("args", args);
        CaseResult result = new LrSchedulerCase("x", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("StepLR: unknown argument(s) [verbose]");
    }

    @Test
    void theDefaultLastEpochMayBeGivenExplicitly() {
        Map<String, Object> data = copy(rawCase("cosineannealinglr_0"));
        Map<String, Object> args = copy(object(data.get("args")));
        args.put("last_epoch", -1.0);
        data.put("args", args);
        CaseResult result = new LrSchedulerCase("x", data).run();
        assertThat(result.passed()).as(result.describe()).isTrue();
        args.put("last_epoch", 3.0);
        result = new LrSchedulerCase("x", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo(
                "CosineAnnealingLR: last_epoch 3 (resuming a schedule) is not supported by the golden runner; only the default -1");
    }

    @Test
    void aWrongLrIsReportedWithItsRow() {
        Map<String, Object> data = copy(rawCase("exponentiallr_0"));
        List<Object> lrs = new ArrayList<>((List<?>) data.get("lrs"));
        lrs.set(3, List.of(0.5, 0.5));
        data.put("lrs", lrs);
        CaseResult result = new LrSchedulerCase("x", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.field()).isEqualTo("lrs[3]");
    }

    @Test
    void aWarningTorchDidNotEmitFailsTheCase() {
        Map<String, Object> data = copy(rawCase("steplr_0"));
        data.put("warnings", List.of("Detected call of `lr_scheduler.step()` before `optimizer.step()`."));
        CaseResult result = new LrSchedulerCase("x", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.field()).isEqualTo("warnings");
    }

    @Test
    void momentumsAreCompared() {
        Map<String, Object> data = copy(rawCase("cycliclr_3"));
        List<Object> momentums = new ArrayList<>((List<?>) data.get("momentums"));
        momentums.set(2, List.of(0.9, 0.9));
        data.put("momentums", momentums);
        CaseResult result = new LrSchedulerCase("x", data).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.field()).isEqualTo("momentums[2]");
    }

    static Map<String, Object> rawCase(String id) {
        Map<String, Object> root = GoldenDocument.resource(LrSchedulersSuite.RESOURCE).root();
        for (Map<String, Object> c : GoldenDocument.cases(root, "lr_schedulers.json")) {
            if (id.equals(c.get("id"))) {
                return c;
            }
        }
        throw new AssertionError("no case " + id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        assertThat(o).as(Json.describe(o)).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        return new LinkedHashMap<>(m);
    }
}
