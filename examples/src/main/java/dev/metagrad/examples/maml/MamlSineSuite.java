package dev.metagrad.examples.maml;

import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceSuite;
import dev.metagrad.conformance.GoldenDocument;

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
        return GoldenDocument.float64Cases(document, source, MamlSineCase::new);
    }
}
