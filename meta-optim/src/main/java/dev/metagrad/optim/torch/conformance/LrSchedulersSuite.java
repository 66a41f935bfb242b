package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.BundledGoldenSuite;

/**
 * The {@code lr-schedulers} suite: learning-rate (and momentum) sequences of
 * {@code torch.optim.lr_scheduler}, FORMAT.md section 5, run through {@link dev.metagrad.optim.torch.lr}.
 * Every case has kind {@code lr_scheduler}, so {@code ./metagrad conformance --only lr_scheduler} runs the
 * whole file; an unknown scheduler, argument or lambda kind fails its case with a message.
 */
public final class LrSchedulersSuite extends BundledGoldenSuite {
    /** The suite name, the {@code "suite"} field of {@code lr_schedulers.json}. */
    public static final String NAME = "lr-schedulers";
    /** The bundled golden file. */
    public static final String RESOURCE = "/dev/metagrad/golden/lr_schedulers.json";

    /** For {@link java.util.ServiceLoader}. */
    public LrSchedulersSuite() {
        super(NAME, RESOURCE, LrSchedulerCase::new);
    }
}
