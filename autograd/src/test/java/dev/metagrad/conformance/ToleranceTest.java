package dev.metagrad.conformance;

import dev.metagrad.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToleranceTest {
    private static Map<String, Object> data(String json) {
        return Json.parseObject(json);
    }

    @Test
    void forFieldReadsTheCasesToleranceOfThatField() {
        Map<String, Object> d = data("{\"tolerance\": {\"x\": {\"rtol\": 1e-6, \"atol\": 0}, \"y\": {\"rtol\": 0, \"atol\": 2}}}");
        assertThat(Tolerance.forField(d, "x")).isEqualTo(new Tolerance(1e-6, 0.0));
        assertThat(Tolerance.forField(d, "y")).isEqualTo(new Tolerance(0.0, 2.0));
    }

    @Test
    void forFieldNamesWhatIsMissingOrMalformed() {
        assertThatThrownBy(() -> Tolerance.forField(data("{}"), "x")).hasMessage("tolerance: expected an object, got null");
        assertThatThrownBy(() -> Tolerance.forField(data("{\"tolerance\": {}}"), "x"))
                .hasMessage("tolerance.x: expected an object, got null");
        assertThatThrownBy(() -> Tolerance.forField(data("{\"tolerance\": {\"x\": {\"rtol\": 1}}}"), "x"))
                .hasMessage("tolerance.x: needs rtol and atol");
        assertThatThrownBy(() -> Tolerance.forField(data("{\"tolerance\": {\"x\": {\"rtol\": 1, \"atol\": true}}}"), "x"))
                .hasMessageContaining("expected a number");
    }

    @Test
    void acceptsWithinAtolPlusRtolTimesExpected() {
        Tolerance t = new Tolerance(0.1, 0.01);
        assertThat(t.accepts(1.1, 1.0)).isTrue();
        assertThat(t.accepts(1.12, 1.0)).isFalse();
        assertThat(t.accepts(Double.NaN, Double.NaN)).isTrue();
        assertThat(t.accepts(Double.POSITIVE_INFINITY, 1e300)).isFalse();
    }
}
