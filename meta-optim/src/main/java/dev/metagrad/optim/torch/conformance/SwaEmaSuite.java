package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.BundledGoldenSuite;

/**
 * The {@code swa-ema} suite: {@code torch.optim.swa_utils} reference numbers (FORMAT.md section 6), the SWA and
 * EMA averages of {@code AveragedModel} ({@code "kind": "averaged_model"}) and the {@code SWALR} schedule
 * ({@code "kind": "swalr"}).
 */
public final class SwaEmaSuite extends BundledGoldenSuite {
    /** The suite name, the {@code "suite"} field of {@code swa_ema.json}. */
    public static final String NAME = "swa-ema";
    /** The bundled golden file. */
    public static final String RESOURCE = "/dev/metagrad/golden/swa_ema.json";

    /** For {@link java.util.ServiceLoader}. */
    public SwaEmaSuite() {
        super(NAME, RESOURCE, SwaEmaCase::new);
    }
}
