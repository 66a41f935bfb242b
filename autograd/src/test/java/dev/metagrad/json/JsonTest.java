package dev.metagrad.json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {
    private static long bits(Object parsed) {
        return Double.doubleToRawLongBits((Double) parsed);
    }

    @Test
    void numbersAreBitExact() {
        for (String text : List.of("0.1", "1e-300", "-0.0", "0.30000000000000004", "2.2250738585072014E-308",
                "4.9e-324", "1.7976931348623157e308", "123456789012345678", "-5", "3.141592653589793", "1E+2")) {
            assertThat(bits(Json.parse(text))).as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
        assertThat(bits(Json.parse("-0.0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(bits(Json.parse("-0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat((Double) Json.parse("1e-300")).isEqualTo(1e-300);
        assertThat(Json.parse("7")).isEqualTo(7.0);
    }

    @Test
    void nonFiniteStringsConvertWhereANumberIsExpected() {
        assertThat(Json.toDouble("NaN")).isNaN();
        assertThat(Json.toDouble("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Json.toDouble("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Json.toDouble(2.5)).isEqualTo(2.5);
        assertThatThrownBy(() -> Json.toDouble("nan")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> Json.toDouble(null)).hasMessageContaining("null");
    }

    @Test
    void typedAccessNamesTheValueAndItsType() {
        Map<String, Object> doc = Json.parseObject("{\"o\": {\"k\": 1}, \"a\": [1, 2], \"n\": 3, \"f\": 2.5}");
        assertThat(Json.asObject(doc.get("o"), "o")).containsEntry("k", 1.0);
        assertThat(Json.asList(doc.get("a"), "a")).isEqualTo(List.of(1.0, 2.0));
        assertThat(Json.toInt(doc.get("n"), "n")).isEqualTo(3);
        assertThat(Json.toInt(-7L, "n")).isEqualTo(-7);
        assertThatThrownBy(() -> Json.asObject(doc.get("a"), "doc.a"))
                .isInstanceOf(Json.JsonException.class).hasMessage("doc.a: expected an object, got array");
        assertThatThrownBy(() -> Json.asObject(null, "doc.x")).hasMessage("doc.x: expected an object, got null");
        assertThatThrownBy(() -> Json.asList(doc.get("n"), "doc.n")).hasMessage("doc.n: expected an array, got number 3.0");
        assertThatThrownBy(() -> Json.toInt(doc.get("f"), "doc.f")).hasMessage("doc.f: expected an integer, got number 2.5");
        assertThatThrownBy(() -> Json.toInt(3e10, "big")).hasMessageContaining("big: expected an integer");
        assertThatThrownBy(() -> Json.toInt("NaN", "s")).hasMessage("s: expected an integer, got string \"NaN\"");
        assertThatThrownBy(() -> Json.toInt(Double.POSITIVE_INFINITY, "inf")).hasMessageContaining("inf: expected an integer");
    }

    @Test
    void stringEscapes() {
        assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"")).isEqualTo("a\"b\\c/d\b\f\n\r\t");
        assertThat(Json.parse("\"\\u00e9\\u20AC\"")).isEqualTo("é€");
        assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("\uD83D\uDE00");
        assertThat(Json.parse("\"plain\"")).isEqualTo("plain");
        assertThat(Json.parse("\"\"")).isEqualTo("");
    }

    @Test
    void nestedStructuresKeepKeyOrder() {
        Object v = Json.parse(" {\"z\": [1, [2, {\"a\": null}], true, false], \"y\": {}, \"x\": []} ");
        assertThat(v).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.keySet()).containsExactly("z", "y", "x");
        List<?> z = (List<?>) m.get("z");
        assertThat(z).hasSize(4);
        assertThat(z.get(0)).isEqualTo(1.0);
        assertThat(((List<?>) z.get(1)).get(1)).isEqualTo(new java.util.LinkedHashMap<>(java.util.Collections.singletonMap("a", null)));
        assertThat(z.get(2)).isEqualTo(true);
        assertThat(z.get(3)).isEqualTo(false);
        assertThat((Map<?, ?>) m.get("y")).isEmpty();
        assertThat((List<?>) m.get("x")).isEmpty();
        assertThat(Json.parse("null")).isNull();
    }

    @Test
    void malformedInputIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,\n \"b\": }"))
                .isInstanceOf(Json.JsonException.class)
                .hasMessageContaining("line 2, column 7")
                .hasMessageContaining("expected a value");
        assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessageContaining("end of input");
        assertThatThrownBy(() -> Json.parse("[1 2]")).hasMessageContaining("expected ',' or ']'");
        assertThatThrownBy(() -> Json.parse("01")).hasMessageContaining("after the end");
        assertThatThrownBy(() -> Json.parse("1.")).hasMessageContaining("decimal point");
        assertThatThrownBy(() -> Json.parse("1e")).hasMessageContaining("exponent");
        assertThatThrownBy(() -> Json.parse("NaN")).hasMessageContaining("expected a value");
        assertThatThrownBy(() -> Json.parse("\"abc")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> Json.parse("\"\\x\"")).hasMessageContaining("invalid escape");
        assertThatThrownBy(() -> Json.parse("\"\\u12g4\"")).hasMessageContaining("hex digit");
        assertThatThrownBy(() -> Json.parse("tru")).hasMessageContaining("expected true");
        assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate key \"a\"");
        assertThatThrownBy(() -> Json.parse("{1:2}")).hasMessageContaining("string key");
        assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("end of input");
        assertThatThrownBy(() -> Json.parseObject("[]")).hasMessageContaining("expected a JSON object");
    }

    @Test
    void writeIsCompactAndKeepsKeyOrder() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("z", List.of(1L, 2, -3.5, true));
        m.put("a", null);
        m.put("m", Map.of());
        assertThat(Json.write(m)).isEqualTo("{\"z\":[1,2,-3.5,true],\"a\":null,\"m\":{}}");
        assertThat(Json.write(List.of())).isEqualTo("[]");
        assertThat(Json.write(0.1f)).isEqualTo("0.1");
    }

    @Test
    void writtenTextParsesBackToTheSameValue() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("quote\"back\\slash", "tab\tnew\nline\u0001 é€ \uD83D\uDE00");
        m.put("lone", "\uD800x");
        m.put("numbers", List.of(0.1, -0.0, 1e-300, 4.9e-324, 1.7976931348623157e308, 123.0));
        String text = Json.write(m);
        assertThat(text).contains("\\u0001").contains("\\ud800").contains("é€");
        Map<String, Object> back = Json.parseObject(text);
        assertThat(back.keySet()).containsExactlyElementsOf(m.keySet());
        assertThat(back.get("quote\"back\\slash")).isEqualTo(m.get("quote\"back\\slash"));
        assertThat(back.get("lone")).isEqualTo("\uD800x");
        List<?> numbers = (List<?>) back.get("numbers");
        List<?> expected = (List<?>) m.get("numbers");
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(bits(numbers.get(i))).isEqualTo(Double.doubleToRawLongBits((Double) expected.get(i)));
        }
    }

    @Test
    void writeRejectsWhatJsonCannotHold() {
        assertThatThrownBy(() -> Json.write(List.of(1.0, Double.NaN)))
                .isInstanceOf(Json.JsonException.class).hasMessageContaining("$[1]").hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Json.write(Map.of("x", Double.POSITIVE_INFINITY))).hasMessageContaining("$.x");
        assertThatThrownBy(() -> Json.write(Map.of(1, 2))).hasMessageContaining("keys must be strings");
        assertThatThrownBy(() -> Json.write(new Object())).hasMessageContaining("java.lang.Object");
    }
}
