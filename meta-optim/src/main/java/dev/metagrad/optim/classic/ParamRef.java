package dev.metagrad.optim.classic;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.Objects;

/**
 * A mutable handle on one parameter for the classic {@link Optimizer}. metagrad tensors are immutable, so an
 * "in-place" step cannot change a tensor's values: it makes a new leaf and stores it in the handle. A handle
 * either belongs to a module (the step calls {@link Module#setParameter}, so {@code module.forward} sees the
 * new value) or stands alone (read the new value back with {@link #get()} or {@link Optimizer#params()}).
 */
public final class ParamRef {
    private final Module module;
    private final String name;
    private Tensor value;

    private ParamRef(Module module, String name, Tensor value) {
        this.module = module;
        this.name = name;
        this.value = value;
    }

    /** A stand-alone handle holding {@code tensor}. */
    public static ParamRef of(Tensor tensor) {
        return new ParamRef(null, null, Objects.requireNonNull(tensor, "tensor"));
    }

    /**
     * The parameter {@code name} of {@code module}.
     *
     * @throws IllegalArgumentException when the module has no such parameter
     */
    public static ParamRef of(Module module, String name) {
        Objects.requireNonNull(module, "module");
        module.parameter(name); // fails early on an unknown name
        return new ParamRef(module, name, null);
    }

    /** The current tensor (for a module handle, whatever the module holds now). */
    public Tensor get() {
        return module != null ? module.parameter(name) : value;
    }

    /** The module's name for the parameter, or null for a stand-alone handle. */
    public String name() {
        return name;
    }

    /** Stores {@code tensor} as the new value (in the module too, for a module handle). */
    void set(Tensor tensor) {
        if (module != null) {
            module.setParameter(name, tensor);
        } else {
            value = tensor;
        }
    }

    /** The same parameter: one module slot, or one stand-alone handle. */
    boolean sameSlot(ParamRef other) {
        return module != null ? module == other.module && name.equals(other.name) : this == other;
    }

    @Override
    public String toString() {
        return name != null ? name : "parameter" + java.util.Arrays.toString(get().shape());
    }
}
