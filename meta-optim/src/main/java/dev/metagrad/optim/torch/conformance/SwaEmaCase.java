package dev.metagrad.optim.torch.conformance;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;

import java.util.Map;

/**
 * One case of {@code swa_ema.json}, dispatched on its {@code kind}: {@code averaged_model}
 * ({@link AveragedModelCase}) or {@code swalr} ({@link SwalrCase}); any other kind fails naming it.
 */
final class SwaEmaCase implements ConformanceCase {
    private final String id;
    private final String kind;
    private final Map<String, Object> data;

    SwaEmaCase(String id, Map<String, Object> data) {
        this.id = id;
        this.data = data;
        this.kind = data.get("kind") instanceof String s ? s : null;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String op() {
        if (AveragedModelCase.KIND.equals(kind)) {
            return AveragedModelCase.op(data);
        }
        return SwalrCase.KIND.equals(kind) ? "SWALR" : kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public CaseResult run() {
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            if (AveragedModelCase.KIND.equals(kind)) {
                return AveragedModelCase.run(id, data);
            }
            if (SwalrCase.KIND.equals(kind)) {
                return SwalrCase.run(id, data);
            }
            return CaseResult.error(id, op(), "unknown kind " + kind + "; expected averaged_model or swalr");
        }
    }
}
