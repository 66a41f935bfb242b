package dev.metagrad.implicit.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.linearsolve.conformance.LinearSolveGolden;
import dev.metagrad.optim.conformance.TorchOptKind;

import java.util.Map;

/**
 * Runs {@code torchopt.json} cases of kind {@code linear_solve} (FORMAT-torchopt.md §8) through
 * {@link LinearSolveGolden}. It is registered here, as a {@link TorchOptKind} service, because the
 * {@code torchopt} suite lives in meta-optim, which comes after linear-solve in the build order.
 */
public final class LinearSolveGoldenKind implements TorchOptKind {
    /** For {@link java.util.ServiceLoader}. */
    public LinearSolveGoldenKind() {
    }

    /** {@code "linear_solve"}. */
    @Override
    public String kind() {
        return "linear_solve";
    }

    /** Runs one case; a failure names the field ({@code x}, {@code iterations}) or the error. */
    @Override
    public CaseResult run(String id, Map<String, Object> data) {
        return LinearSolveGolden.run(id, data);
    }
}
