package dev.metagrad.implicit.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceRunner;
import dev.metagrad.conformance.GoldenDocument;
import dev.metagrad.optim.conformance.TorchOptKind;
import dev.metagrad.optim.conformance.TorchOptSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every linear_solve case of meta-optim's bundled torchopt.json, run through the TorchOptKind service. */
class LinearSolveGoldenKindTest {
    static Stream<Arguments> linearSolveCases() {
        return ConformanceRunner.cases(GoldenDocument.resource(TorchOptSuite.RESOURCE)).stream()
                .filter(c -> "linear_solve".equals(c.kind())).map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linearSolveCases")
    void matchesGolden(String id, ConformanceCase golden) {
        CaseResult result = golden.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void bundledFileHasTwentyEightLinearSolveCases() {
        assertThat(linearSolveCases().count()).isEqualTo(28);
    }

    @Test
    void isRegisteredAsAService() {
        assertThat(ServiceLoader.load(TorchOptKind.class).stream().map(p -> p.get().kind()))
                .contains("linear_solve");
    }
}
