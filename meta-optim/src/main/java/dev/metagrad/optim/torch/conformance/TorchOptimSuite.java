package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.BundledGoldenSuite;

/**
 * The {@code torch-optim} suite: trajectories and final state of {@code torch.optim} algorithms on the quartic
 * problem of FORMAT.md section 4, run through {@link dev.metagrad.optim.torch.Optimizers#create}. A case whose
 * algorithm is not registered fails with {@code "unknown algorithm X"}; no case is skipped.
 */
public final class TorchOptimSuite extends BundledGoldenSuite {
    /** The suite name, the {@code "suite"} field of {@code torch_optim.json}. */
    public static final String NAME = "torch-optim";
    /** The bundled golden file. */
    public static final String RESOURCE = "/dev/metagrad/golden/torch_optim.json";

    /** For {@link java.util.ServiceLoader}. */
    public TorchOptimSuite() {
        super(NAME, RESOURCE, TorchOptimCase::new);
    }
}
