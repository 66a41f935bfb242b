package dev.metagrad.nn;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module bound to substitute tensors by dotted name, ready to run ({@code torch.func.functional_call}
 * with its {@code strict} flag). Immutable; obtain one from {@link Functional#bind}.
 *
 * <p>Each run checks the names against the module as it is then: a name the module does not have is an
 * error; a parameter or buffer without a substitute uses the module's own tensor unless the call is
 * strict. The module is never written: buffer updates come back in the {@link FunctionalResult}.
 */
public final class FunctionalCall {
    private final Module module;
    private final Map<String, Tensor> tensors;
    private final boolean strict;

    FunctionalCall(Module module, Map<String, Tensor> tensors, boolean strict) {
        if (module == null) {
            throw new IllegalArgumentException("Functional: module is null");
        }
        this.module = module;
        this.tensors = new LinkedHashMap<>(tensors);
        this.strict = strict;
    }

    /**
     * This call with strictness set: when strict, every parameter and buffer of the module must have a
     * substitute (torch's {@code strict=True}); otherwise missing ones fall back to the module's own.
     */
    public FunctionalCall strict(boolean value) {
        return new FunctionalCall(module, tensors, value);
    }

    /** Whether missing substitutes are errors. */
    public boolean isStrict() {
        return strict;
    }

    /** The output of the module on {@code input} with the substitutes; buffer updates are dropped. */
    public Tensor forward(Tensor input) {
        return run(input).output();
    }

    /**
     * Runs the module on {@code input} with the substitutes.
     *
     * @return the output and the buffers the pass updated
     * @throws IllegalArgumentException listing unknown names, null values and shape mismatches, tied names
     *                                  given different tensors, and (strict) names without a substitute
     */
    public FunctionalResult run(Tensor input) {
        Binding binding = Binding.substituting(resolve());
        Tensor output = module.forward(input, Params.bound(module, binding));
        return new FunctionalResult(output, binding.updatedBuffers(module));
    }

    /** The substitutes keyed by the module's own tensors, after checking every name. */
    private IdentityHashMap<Tensor, Tensor> resolve() {
        IdentityHashMap<Tensor, Tensor> substitutes = new IdentityHashMap<>();
        IdentityHashMap<Tensor, String> nameOf = new IdentityHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            Module.Slot slot = name == null ? null : module.findSlot(name);
            if (slot == null) {
                unknown.add(name);
                continue;
            }
            Tensor own = slot.tensor();
            Tensor value = e.getValue();
            if (value == null) {
                errors.add("the tensor for '" + name + "' is null");
            } else if (!Arrays.equals(own.shape(), value.shape())) {
                errors.add("'" + name + "' has shape " + Shape.str(own.shape()) + " but was given a tensor of shape "
                        + Shape.str(value.shape()));
            } else if (substitutes.containsKey(own) && substitutes.get(own) != value) {
                errors.add("'" + nameOf.get(own) + "' and '" + name + "' are the same (tied) tensor but were given "
                        + "different tensors");
            } else {
                substitutes.put(own, value);
                nameOf.putIfAbsent(own, name);
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(0, module.typeName() + " has no parameters or buffers named " + unknown + "; its parameters are "
                    + module.namedParameters().keySet() + " and its buffers " + module.namedBuffers().keySet());
        }
        if (strict) {
            List<String> missing = new ArrayList<>();
            Map<String, Tensor> all = module.namedParameters();
            all.putAll(module.namedBuffers());
            for (Map.Entry<String, Tensor> e : all.entrySet()) {
                if (!substitutes.containsKey(e.getValue())) {
                    missing.add(e.getKey());
                }
            }
            if (!missing.isEmpty()) {
                errors.add("strict call without tensors for " + missing);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Functional.call: " + String.join("; ", errors));
        }
        return substitutes;
    }
}
