package dev.metagrad.optim.conformance;

import dev.metagrad.conformance.CaseResult;

import java.util.Map;

/**
 * A runner for one {@code kind} of {@code torchopt.json} case that lives outside this module. Modules
 * later in the build order (which this one cannot depend on) register an implementation in
 * {@code META-INF/services/dev.metagrad.optim.conformance.TorchOptKind}; {@code TorchOptCase} looks one up
 * with {@link java.util.ServiceLoader} for every kind it does not implement itself.
 */
public interface TorchOptKind {
    /** The case kind handled, for example {@code "zero_order"}. */
    String kind();

    /**
     * Runs one case.
     *
     * @param id   the case id
     * @param data the case's whole JSON object (FORMAT-torchopt.md)
     * @return the outcome; a handler may also throw, which the caller reports as an error result
     */
    CaseResult run(String id, Map<String, Object> data);
}
