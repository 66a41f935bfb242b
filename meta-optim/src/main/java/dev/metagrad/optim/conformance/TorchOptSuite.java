package dev.metagrad.optim.conformance;

import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceSuite;
import dev.metagrad.conformance.GoldenDocument;

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
        return GoldenDocument.float64Cases(document, source, TorchOptCase::new);
    }
}
