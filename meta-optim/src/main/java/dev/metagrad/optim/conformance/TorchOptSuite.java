package dev.metagrad.optim.conformance;

import dev.metagrad.conformance.BundledGoldenSuite;

/** The {@code torchopt} suite: TorchOpt reference numbers (FORMAT-torchopt.md). */
public final class TorchOptSuite extends BundledGoldenSuite {
    /** The suite name, the {@code "suite"} field of {@code torchopt.json}. */
    public static final String NAME = "torchopt";
    /** The bundled golden file. */
    public static final String RESOURCE = "/dev/metagrad/golden/torchopt.json";

    /** For {@link java.util.ServiceLoader}. */
    public TorchOptSuite() {
        super(NAME, RESOURCE, TorchOptCase::new);
    }
}
