package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.CaseResult;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenCaseTest {
    @Test
    void aBodyThatReturnsPasses() {
        assertThat(GoldenCase.run("c", "StepLR", () -> { }).passed()).isTrue();
    }

    @Test
    void aMismatchBecomesTheFailureNamingItsField() {
        CaseResult values = GoldenCase.run("c", "StepLR", () -> {
            throw Mismatch.values("lrs[3]", 0.5, 0.25);
        });
        assertThat(values.describe()).isEqualTo("FAIL c lrs[3] abs=5.000e-01 rel=2.500e-01");
        CaseResult structure = GoldenCase.run("c", "StepLR", () -> {
            throw Mismatch.structure("warnings", "got [], expected [w]");
        });
        assertThat(structure.describe()).isEqualTo("FAIL c warnings got [], expected [w]");
    }

    @Test
    void anyOtherFailureIsAnErrorWithItsMessageOrClassName() {
        assertThat(GoldenCase.run("c", "op", () -> {
            throw new IllegalArgumentException("StepLR: unknown argument(s) [verbose]");
        }).describe()).isEqualTo("FAIL c error StepLR: unknown argument(s) [verbose]");
        assertThat(GoldenCase.run("c", "op", () -> {
            throw new NullPointerException();
        }).describe()).isEqualTo("FAIL c error NullPointerException");
        assertThat(GoldenCase.run("c", "op", GoldenCaseTest::recurse).describe()).isEqualTo("FAIL c error StackOverflowError");
    }

    @Test
    void requireAcceptsNullButNotAMissingField() {
        Map<String, Object> data = new HashMap<>();
        data.put("momentums", null);
        assertThat(GoldenCase.require(data, "momentums")).isNull();
        assertThatThrownBy(() -> GoldenCase.require(data, "lrs")).hasMessage("missing field \"lrs\"");
    }

    private static void recurse() {
        recurse();
    }
}
