package dev.metagrad.optim.conformance;

import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceSuite;
import dev.metagrad.conformance.GoldenDocument;
import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code torchopt} suite: TorchOpt reference numbers (FORMAT-torchopt.md). */
public final class TorchOptSuite implements ConformanceSuite {
    /** The suite name, the {@code "suite"} field of {@code torchopt.json}. */
    public static final String NAME = "torchopt";
    /** The bundled golden file. */
    public static final String RESOURCE = "/dev/metagrad/golden/torchopt.json";

    /** For {@link java.util.ServiceLoader}. */
    public TorchOptSuite() {
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
            cases.add(new TorchOptCase(id, c));
        }
        return cases;
    }
}
