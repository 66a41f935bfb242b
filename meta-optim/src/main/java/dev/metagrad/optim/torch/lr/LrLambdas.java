package dev.metagrad.optim.torch.lr;

import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The per-group {@code lr_lambdas} of {@link LambdaLR} and {@link MultiplicativeLR}, with their state-dict entries. */
final class LrLambdas {
    private LrLambdas() {
    }

    /** One lambda for every group. */
    static List<LrLambda> forAll(LrLambda lambda, int groups) {
        return Collections.nCopies(groups, Objects.requireNonNull(lambda, "lrLambda"));
    }

    /**
     * One lambda per group.
     *
     * @throws IllegalArgumentException when the count differs from the number of groups (torch's message)
     */
    static List<LrLambda> perGroup(List<? extends LrLambda> lambdas, int groups) {
        Objects.requireNonNull(lambdas, "lrLambdas");
        if (lambdas.size() != groups) {
            throw new IllegalArgumentException("Expected " + groups + " lr_lambdas, but got " + lambdas.size());
        }
        List<LrLambda> out = new ArrayList<>(lambdas.size());
        for (int i = 0; i < lambdas.size(); i++) {
            out.add(Objects.requireNonNull(lambdas.get(i), "lrLambdas[" + i + "]"));
        }
        return List.copyOf(out);
    }

    /** {@code state_dict["lr_lambdas"]}: each lambda's own state, null for stateless ones. */
    static List<Object> stateDict(List<LrLambda> lambdas) {
        List<Object> out = new ArrayList<>(lambdas.size());
        for (LrLambda l : lambdas) {
            out.add(l.stateDict());
        }
        return out;
    }

    /** Checks {@code state_dict["lr_lambdas"]} and queues loading the non-null entries into the lambdas. */
    static void read(StateReader r, List<LrLambda> lambdas) {
        List<?> raw = r.readList("lr_lambdas");
        if (raw == null) {
            return;
        }
        if (raw.size() != lambdas.size()) {
            throw r.error("lr_lambdas", "must have " + lambdas.size() + " entries, got " + raw.size());
        }
        for (int i = 0; i < raw.size(); i++) {
            Object entry = raw.get(i);
            if (entry == null) {
                continue;
            }
            if (!(entry instanceof Map<?, ?>)) {
                throw r.error("lr_lambdas", "entry " + i + " must be an object or null, got " + Json.describe(entry));
            }
            Map<String, Object> state = r.object("lr_lambdas[" + i + "]", entry);
            if (lambdas.get(i).stateDict() == null) {
                throw r.error("lr_lambdas", "entry " + i + " holds state, but that lr_lambda keeps none");
            }
            LrLambda target = lambdas.get(i);
            r.then(() -> target.loadStateDict(state));
        }
    }
}
