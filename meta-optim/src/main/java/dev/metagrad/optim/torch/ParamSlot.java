package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.Arrays;

/**
 * Where one optimized parameter lives. metagrad tensors are immutable, so an "in-place" step makes a new
 * leaf and stores it here: in a module's parameter slot ({@link Module#setParameter}) or in this object.
 */
final class ParamSlot {
    private final Module module;
    private final String name;
    private Tensor value;

    private ParamSlot(Module module, String name, Tensor value) {
        this.module = module;
        this.name = name;
        this.value = value;
    }

    static ParamSlot of(Tensor t) {
        return new ParamSlot(null, null, t);
    }

    static ParamSlot of(Module module, String name) {
        return new ParamSlot(module, name, null);
    }

    Tensor get() {
        return module != null ? module.parameter(name) : value;
    }

    void set(Tensor t) {
        if (module != null) {
            module.setParameter(name, t);
        } else {
            value = t;
        }
    }

    /** Whether both slots hold the same parameter (same module slot, or the same tensor now). */
    boolean sameAs(ParamSlot other) {
        if (module != null && other.module != null && module == other.module) {
            return name.equals(other.name);
        }
        return get() == other.get();
    }

    @Override
    public String toString() {
        return name != null ? name : "parameter of shape " + Arrays.toString(get().shape());
    }
}
