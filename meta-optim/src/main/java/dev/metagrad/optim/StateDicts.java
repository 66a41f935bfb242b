package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.meta.MetaOptimizer;
import dev.metagrad.optim.meta.StateTensors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * TorchOpt's {@code extract_state_dict} / {@code recover_state_dict}: snapshot a module's parameters (and
 * buffers) or a meta-optimizer's state, run an inner loop that replaces them with non-leaf tensors, then put
 * the snapshot back. With {@link By#REFERENCE} the snapshot holds the original tensor objects, so recovering
 * makes the module's parameters the original leaves θ_0 again (the MAML task loop).
 *
 * <p>metagrad tensors are immutable, so a detached tensor that shares data with the original is
 * indistinguishable from a copied one: {@code COPY}/{@code DEEPCOPY} share storage instead of copying it.
 */
public final class StateDicts {
    private StateDicts() {
    }

    /** {@code extract_state_dict(module, by=by, with_buffers=True, detach_buffers=False)}. */
    public static ModuleState extractStateDict(Module module, By by) {
        return extractStateDict(module, by, true, false);
    }

    /**
     * The module's parameters and (optionally) buffers, replicated according to {@code by}.
     *
     * @param withBuffers   include the buffers ({@code with_buffers})
     * @param detachBuffers detach the buffers before replicating them ({@code detach_buffers})
     */
    public static ModuleState extractStateDict(Module module, By by, boolean withBuffers, boolean detachBuffers) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(by, "by");
        Map<String, Tensor> params = new LinkedHashMap<>();
        module.namedParameters().forEach((k, v) -> params.put(k, replicate(v, by)));
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        if (withBuffers) {
            module.namedBuffers().forEach((k, v) -> buffers.put(k, replicate(detachBuffers ? v.detach() : v, by)));
        }
        return new ModuleState(params, buffers);
    }

    /** {@code extract_state_dict(optimizer, by=by)}: the optimizer's states, one per param group, replicated. */
    public static List<OptState> extractStateDict(MetaOptimizer optimizer, By by) {
        Objects.requireNonNull(by, "by");
        List<OptState> out = new ArrayList<>();
        for (OptState s : optimizer.stateDict()) {
            out.add(by == By.REFERENCE ? s : StateTensors.map(s, t -> replicate(t, by)));
        }
        return out;
    }

    /**
     * As {@link #extractStateDict(MetaOptimizer, By)}; {@code withBuffers} and {@code detachBuffers} only apply
     * to modules and are ignored here, as in TorchOpt.
     */
    public static List<OptState> extractStateDict(MetaOptimizer optimizer, By by, boolean withBuffers, boolean detachBuffers) {
        return extractStateDict(optimizer, by);
    }

    /**
     * Makes the extracted tensors the module's parameters and buffers again, as they are (no copy). Buffers
     * are only restored when the state holds some.
     *
     * @throws IllegalArgumentException when a name is unknown to the module, a parameter of the module is
     *                                  missing from the state, or a shape or dtype differs; checked before
     *                                  anything changes
     */
    public static void recoverStateDict(Module module, ModuleState state) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(state, "state");
        Map<String, Tensor> params = module.namedParameters();
        Map<String, Tensor> buffers = module.namedBuffers();
        List<String> errors = new ArrayList<>();
        if (!params.keySet().equals(state.params().keySet())) {
            errors.add("parameter names " + state.params().keySet() + " != the module's " + params.keySet());
        }
        check(state.params(), params, errors);
        for (String k : state.buffers().keySet()) {
            if (!buffers.containsKey(k)) {
                errors.add("unknown buffer " + k);
            }
        }
        check(state.buffers(), buffers, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("recoverStateDict: " + String.join("; ", errors) + ". Nothing was changed.");
        }
        state.params().forEach(module::setParameter);
        state.buffers().forEach(module::setBuffer);
    }

    /**
     * Gives the optimizer back the extracted states (by reference).
     *
     * @throws IllegalArgumentException see {@link MetaOptimizer#loadStateDict}
     */
    public static void recoverStateDict(MetaOptimizer optimizer, List<? extends OptState> state) {
        optimizer.loadStateDict(state);
    }

    private static void check(Map<String, Tensor> given, Map<String, Tensor> current, List<String> errors) {
        for (Map.Entry<String, Tensor> e : given.entrySet()) {
            Tensor now = current.get(e.getKey());
            Tensor t = e.getValue();
            if (now == null) {
                continue;
            }
            if (t == null) {
                errors.add(e.getKey() + " is null");
            } else if (!Arrays.equals(t.shape(), now.shape()) || t.dtype() != now.dtype()) {
                errors.add(e.getKey() + " has shape " + Arrays.toString(t.shape()) + " " + t.dtype() + ", the module's "
                        + Arrays.toString(now.shape()) + " " + now.dtype());
            }
        }
    }

    private static Tensor replicate(Tensor t, By by) {
        return switch (by) {
            case REFERENCE -> t;
            // clone(): a new node whose gradient flows back to t; mul(1.0) is the differentiable identity
            case COPY -> t.requiresGrad() ? t.mul(1.0) : t.detach();
            case DEEPCOPY -> t.requiresGrad() ? t.detach().requiresGrad(true) : t.detach();
        };
    }
}
