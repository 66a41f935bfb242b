package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every {@link Algorithm} as a differentiable {@link GradientTransformation}, so a torch.optim algorithm can be the
 * inner optimizer of a {@link dev.metagrad.optim.meta.MetaOptimizer} (or of any code that applies transformations):
 * <pre>
 *   init(params)                  = [algorithm.initialState(p_i) for each leaf p_i]
 *   update(grads, state, params)  : (p_i', s_i') = algorithm.step(p_i, g_i, s_i, options)
 *                                   updates_i = p_i' - p_i,   state' = [s_i']
 * </pre>
 * The step is recorded like any other tensor computation, so {@code params + updates} differentiates back to the
 * parameters, the gradients and the earlier state. Every parameter shares the options (one param group).
 */
public final class TorchTransforms {
    private TorchTransforms() {
    }

    /**
     * The state of a transformation made by {@link #of}: one state map per parameter leaf, in leaf order.
     *
     * @param perParam the per-parameter states (unmodifiable)
     */
    public record TorchState(List<Map<String, Object>> perParam) implements OptState {
        /** @throws NullPointerException when the list or an element is null */
        public TorchState {
            List<Map<String, Object>> copy = new ArrayList<>(perParam.size());
            for (Map<String, Object> m : perParam) {
                copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(m, "a state map is null"))));
            }
            perParam = Collections.unmodifiableList(copy);
        }
    }

    /**
     * {@code algorithm} with {@code options} over its defaults, as a transformation.
     *
     * @throws IllegalArgumentException for an unknown or invalid option (the same checks as the optimizer class)
     */
    public static GradientTransformation of(Algorithm algorithm, Options options) {
        Options group = AlgorithmOptimizer.resolveDefaults(algorithm, options);
        algorithm.validate(group);
        return new Transform(algorithm, group);
    }

    /** {@link #of(Algorithm, Options)} for the registered algorithm {@code name} ({@link Algorithms#byName}). */
    public static GradientTransformation of(String name, Options options) {
        return of(Algorithms.byName(name), options);
    }

    private record Transform(Algorithm algorithm, Options group) implements GradientTransformation {
        @Override
        public OptState init(Object params) {
            List<Map<String, Object>> states = new ArrayList<>();
            for (Tensor p : Trees.leaves(params)) {
                states.add(algorithm.initialState(p, group, group));
            }
            return new TorchState(states);
        }

        @Override
        public Update update(Object updates, OptState state, Object params, boolean inplace) {
            String who = "TorchTransforms(" + algorithm.name() + ").update";
            if (params == null) {
                throw new IllegalArgumentException(who + ": the algorithm needs the parameters; pass params");
            }
            if (!(state instanceof TorchState ts)) {
                throw new IllegalArgumentException(who + ": expected the TorchState made by init, got "
                        + (state == null ? "null" : state.getClass().getSimpleName()));
            }
            Flattened grads = Trees.flatten(updates);
            Flattened ps = Trees.flatten(params);
            if (!grads.def().equals(ps.def())) {
                throw new IllegalArgumentException(who + ": updates have structure " + grads.def() + " but params have " + ps.def());
            }
            if (ts.perParam().size() != ps.leaves().size()) {
                throw new IllegalArgumentException(who + ": the state holds " + ts.perParam().size() + " parameter(s), params have "
                        + ps.leaves().size());
            }
            List<Tensor> out = new ArrayList<>();
            List<Map<String, Object>> next = new ArrayList<>();
            for (int i = 0; i < ps.leaves().size(); i++) {
                Tensor p = ps.leaves().get(i);
                ParamStep r = algorithm.step(p, grads.leaves().get(i), ts.perParam().get(i), group);
                out.add(r.param().sub(p));
                next.add(r.state());
            }
            return new Update(ps.def().unflatten(out), new TorchState(next));
        }
    }
}
