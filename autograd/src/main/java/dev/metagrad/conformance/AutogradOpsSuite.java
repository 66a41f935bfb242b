package dev.metagrad.conformance;

/** The {@code autograd-ops} suite: forward, VJP and HVP of single ops against PyTorch (FORMAT.md section 3). */
public final class AutogradOpsSuite extends BundledGoldenSuite {
    /** The suite name, the {@code "suite"} field of {@code autograd_ops.json}. */
    public static final String NAME = "autograd-ops";
    /** The bundled golden file. */
    public static final String RESOURCE = "/dev/metagrad/golden/autograd_ops.json";

    /** For {@link java.util.ServiceLoader}. */
    public AutogradOpsSuite() {
        super(NAME, RESOURCE, AutogradOpsCase::new);
    }
}
