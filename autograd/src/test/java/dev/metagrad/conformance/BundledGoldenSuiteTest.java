package dev.metagrad.conformance;

import dev.metagrad.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundledGoldenSuiteTest {
    /** A suite whose cases all pass, naming them by their data's op. */
    private static final class Demo extends BundledGoldenSuite {
        Demo() {
            super("demo", "/demo.json", (id, data) -> new ConformanceCase() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public String op() {
                    return (String) data.get("op");
                }

                @Override
                public String kind() {
                    return null;
                }

                @Override
                public CaseResult run() {
                    return CaseResult.pass(id, op());
                }
            });
        }
    }

    @Test
    void nameAndBundledResourceAreTheOnesGiven() {
        Demo s = new Demo();
        assertThat(s.name()).isEqualTo("demo");
        assertThat(s.bundledResources()).containsExactly("/demo.json");
    }

    @Test
    void casesAreBuiltByTheFactoryInFileOrder() {
        List<ConformanceCase> cases = new Demo().cases(Json.parseObject(
                "{\"suite\": \"demo\", \"dtype\": \"float64\", \"cases\": [{\"id\": \"a\", \"op\": \"x\"}, {\"op\": \"y\"}]}"), "t");
        assertThat(cases).extracting(ConformanceCase::id).containsExactly("a", "cases[1]");
        assertThat(cases).extracting(ConformanceCase::op).containsExactly("x", "y");
    }

    @Test
    void aFileOfAnotherDtypeIsRefused() {
        assertThatThrownBy(() -> new Demo().cases(Json.parseObject("{\"dtype\": \"float32\", \"cases\": []}"), "f.json"))
                .hasMessageContaining("f.json: only float64");
    }
}
