package dev.metagrad.conformance;


import java.util.List;
import java.util.Map;

/** The {@code autograd-ops} suite: forward, VJP and HVP of single ops against PyTorch (FORMAT.md section 3). */
public final class AutogradOpsSuite implements ConformanceSuite {
    /** The suite name, the {@code "suite"} field of {@code autograd_ops.json}. */
    public static final String NAME = "autograd-ops";
    /** The bundled golden file. */
    public static final String RESOURCE = "/dev/metagrad/golden/autograd_ops.json";

    /** For {@link java.util.ServiceLoader}. */
    public AutogradOpsSuite() {
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
        return GoldenDocument.float64Cases(document, source, AutogradOpsCase::new);
    }
}
