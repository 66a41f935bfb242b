package dev.metagrad.examples.maml;

import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceSuite;
import dev.metagrad.conformance.GoldenDocument;
import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code maml-sine} suite: end-to-end MAML sinusoid runs against PyTorch (FORMAT-maml.md). */
public final class MamlSineSuite implements ConformanceSuite {
    /** The suite name, the {@code "suite"} field of {@code maml_sine_f64.json}. */
    public static final String NAME = "maml-sine";
    /** The bundled golden file. */
    public static final String RESOURCE = "/dev/metagrad/golden/maml_sine_f64.json";

    /** For {@link java.util.ServiceLoader}. */
    public MamlSineSuite() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> bundledResources() {
        return List.of(RESOURCE);
    }

    @Override
    public List<ConformanceCase> cases(Map<String, Object> document, String source) {
        Object dtype = document.get("dtype");
        if (dtype != null && !"float64".equals(dtype)) {
            throw new IllegalArgumentException(source + ": only float64 golden data is supported, got dtype "
                    + Json.describe(dtype));
        }
        List<Map<String, Object>> raw = GoldenDocument.cases(document, source);
        List<ConformanceCase> cases = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> c = raw.get(i);
            String id = c.get("id") instanceof String s ? s : "cases[" + i + "]";
            cases.add(new MamlSineCase(id, c));
        }
        return cases;
    }
}
