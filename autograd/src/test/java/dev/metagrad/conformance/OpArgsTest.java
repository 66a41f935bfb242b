package dev.metagrad.conformance;

import dev.metagrad.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpArgsTest {
    private static OpArgs args(String json) {
        return new OpArgs("Sched", Json.parseObject(json));
    }

    @Test
    void typedGettersNameTheOpAndTheArgument() {
        OpArgs a = args("{\"n\": 2, \"x\": 0.5, \"s\": \"cos\", \"b\": true, \"f\": 1.5}");
        assertThat(a.integer("n")).isEqualTo(2);
        assertThat(a.number("x")).isEqualTo(0.5);
        assertThat(a.optionalString("s", "linear")).isEqualTo("cos");
        assertThat(a.optionalBool("b", false)).isTrue();
        assertThat(a.optionalNumber("missing", 3.0)).isEqualTo(3.0);
        assertThatThrownBy(() -> a.integer("f")).hasMessage("Sched: argument \"f\" must be an integer, got number 1.5");
        assertThatThrownBy(() -> a.number("none")).hasMessage("Sched: missing argument \"none\"");
    }

    @Test
    void valueIsTheRawValueOrNullAndCountsAsRead() {
        OpArgs a = args("{\"lr\": [0.1, 0.2], \"spec\": {\"k\": 1}, \"z\": null}");
        assertThat(a.value("lr")).isEqualTo(List.of(0.1, 0.2));
        assertThat(a.value("spec")).isInstanceOf(java.util.Map.class);
        assertThat(a.value("z")).isNull();
        assertThat(a.value("absent")).isNull();
        assertThat(a.unread()).isEmpty();
    }

    @Test
    void numberListReadsEveryElementOrNamesTheArgument() {
        OpArgs a = args("{\"lr\": [0.1, 2, \"Infinity\"], \"bad\": [1, \"x\"], \"one\": 1}");
        assertThat(a.numberList("lr")).containsExactly(0.1, 2.0, Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> a.numberList("bad")).hasMessage("Sched: argument \"bad\" must be a list of numbers, got array");
        assertThatThrownBy(() -> a.numberList("one")).hasMessage("Sched: argument \"one\" must be a list of numbers, got number 1.0");
        assertThatThrownBy(() -> a.numberList("none")).hasMessage("Sched: missing argument \"none\"");
    }

    @Test
    void requireAllReadNamesTheUnreadArgumentsInFileOrder() {
        OpArgs a = args("{\"verbose\": true, \"gamma\": 0.5, \"extra\": 1}");
        a.number("gamma");
        assertThat(a.unread()).containsExactly("verbose", "extra");
        assertThatThrownBy(a::requireAllRead).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sched: unknown argument(s) [verbose, extra]");
        a.value("verbose");
        a.value("extra");
        a.requireAllRead();
    }
}
