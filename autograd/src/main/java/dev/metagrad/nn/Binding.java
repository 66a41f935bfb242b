package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one forward pass gets its tensors and puts its buffer updates; shared by every {@link Params} of
 * the pass and never by two passes, so concurrent calls do not interfere.
 *
 * <p>Substitutions are keyed by the identity of the module's own tensor rather than by name, so a tied
 * parameter (one tensor under several names) is substituted wherever it is used.
 */
final class Binding {
    /** Own tensor -> substitute; null when the pass uses the module's own tensors. */
    private final IdentityHashMap<Tensor, Tensor> substitutes;
    /** Own buffer -> value stored during this pass (functional passes only). */
    private final IdentityHashMap<Tensor, Tensor> updates = new IdentityHashMap<>();

    private Binding(IdentityHashMap<Tensor, Tensor> substitutes) {
        this.substitutes = substitutes;
    }

    /** A pass over the module's own tensors that stores buffer updates in the module. */
    static Binding own() {
        return new Binding(null);
    }

    /** A functional pass: {@code substitutes} replace own tensors, buffer updates are only collected. */
    static Binding substituting(IdentityHashMap<Tensor, Tensor> substitutes) {
        return new Binding(new IdentityHashMap<>(substitutes));
    }

    /** The tensor this pass uses in place of the module's own {@code own}. */
    Tensor resolve(Tensor own) {
        if (substitutes == null) {
            return own;
        }
        Tensor updated = updates.get(own);
        if (updated != null) {
            return updated;
        }
        return substitutes.getOrDefault(own, own);
    }

    /** Records a new value of a buffer: stored in the module in an own pass, collected in a functional one. */
    void updateBuffer(Module.Slot buffer, Tensor value) {
        if (substitutes == null) {
            buffer.owner().storeBuffer(buffer.name(), value);
        } else {
            updates.put(buffer.tensor(), value);
        }
    }

    /** The buffers of {@code root} this pass updated, by dotted name, with their new values. */
    Map<String, Tensor> updatedBuffers(Module root) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (updates.isEmpty()) {
            return out;
        }
        for (Map.Entry<String, Tensor> e : root.namedBuffers().entrySet()) {
            Tensor updated = updates.get(e.getValue());
            if (updated != null) {
                out.put(e.getKey(), updated);
            }
        }
        return out;
    }
}
