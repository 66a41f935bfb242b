package dev.metagrad.optim.conformance;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * One case of {@code torchopt.json}, dispatched on its {@code kind}: {@code alias} ({@link AliasCase}),
 * {@code schedule} ({@link ScheduleCase}), {@code transform} ({@link TransformCase}), {@code meta} ({@link MetaCase}).
 * Any other kind is run by a {@link TorchOptKind} found with {@link ServiceLoader} (modules later in the build
 * order, such as zero-order, register theirs); the known kinds without a handler ({@code linear_solve},
 * {@code implicit}, {@code zero_order}) fail with "not implemented yet".
 */
final class TorchOptCase implements ConformanceCase {
    private final String id;
    private final String kind;
    private final String op;
    private final Map<String, Object> data;

    TorchOptCase(String id, Map<String, Object> data) {
        this.id = id;
        this.data = data;
        this.kind = data.get("kind") instanceof String s ? s : null;
        this.op = opOf(kind, data);
    }

    private static String opOf(String kind, Map<String, Object> data) {
        Object name = switch (kind == null ? "" : kind) {
            case "alias" -> data.get("alias");
            case "schedule" -> data.get("schedule");
            case "transform" -> data.get("transform");
            case "linear_solve" -> data.get("solver");
            default -> kind;
        };
        return name instanceof String s ? s : kind;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String op() {
        return op;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public CaseResult run() {
        // hooks and learned rates need recording, whatever the caller's mode is
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            Golden golden = new Golden(id, op, data);
            return switch (kind == null ? "" : kind) {
                case "alias" -> AliasCase.run(golden);
                case "schedule" -> ScheduleCase.run(golden);
                case "transform" -> TransformCase.run(golden);
                case "meta" -> MetaCase.run(golden);
                default -> runExternal();
            };
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return CaseResult.error(id, op, message);
        }
    }

    /** Runs a kind through a registered {@link TorchOptKind}, if any. */
    private CaseResult runExternal() {
        // looked up per case: the class path (and so the set of handlers) is fixed, and a case run is far costlier
        for (TorchOptKind handler : ServiceLoader.load(TorchOptKind.class, TorchOptCase.class.getClassLoader())) {
            if (handler.kind().equals(kind)) {
                return handler.run(id, data);
            }
        }
        return switch (kind == null ? "" : kind) {
            case "linear_solve", "implicit", "zero_order" -> CaseResult.error(id, op, "not implemented yet");
            default -> CaseResult.error(id, op, "unknown kind " + kind);
        };
    }
}
