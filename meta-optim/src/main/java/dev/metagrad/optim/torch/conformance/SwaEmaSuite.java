package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.ConformanceSuite;
import dev.metagrad.conformance.GoldenDocument;

import java.util.List;
import java.util.Map;

/**
 * The {@code swa-ema} suite: {@code torch.optim.swa_utils} reference numbers (FORMAT.md section 6), the SWA and
 * EMA averages of {@code AveragedModel} ({@code "kind": "averaged_model"}) and the {@code SWALR} schedule
 * ({@code "kind": "swalr"}).
 */
public final class SwaEmaSuite implements ConformanceSuite {
    /** The suite name, the {@code "suite"} field of {@code swa_ema.json}. */
    public static final String NAME = "swa-ema";
    /** The bundled golden file. */
    public static final String RESOURCE = "/dev/metagrad/golden/swa_ema.json";

    /** For {@link java.util.ServiceLoader}. */
    public SwaEmaSuite() {
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
        return GoldenDocument.float64Cases(document, source, SwaEmaCase::new);
    }
}
