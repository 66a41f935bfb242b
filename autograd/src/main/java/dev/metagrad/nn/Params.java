package dev.metagrad.nn;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.Arrays;

/**
 * The tensors one forward pass of one module runs with: the module's own parameters and buffers, or the
 * substitutes of a {@link Functional} call. Modules read everything through it, which is what lets the
 * same code run with non-leaf parameters of an inner loop without the module being changed (torch's
 * {@code functional_call}, done by passing the resolver down instead of swapping module attributes).
 *
 * <p>A {@code Params} is scoped to one module; {@link #child(String)} and {@link #forward(Module, Tensor)}
 * scope it to a submodule. It lives for one pass and is not shared between threads.
 */
public final class Params {
    private final Module module;
    private final String path;
    private final Binding binding;

    private Params(Module module, String path, Binding binding) {
        this.module = module;
        this.path = path;
        this.binding = binding;
    }

    /** A pass of {@code module} over its own tensors. */
    static Params own(Module module) {
        return new Params(module, "", Binding.own());
    }

    /** A pass of {@code root} through {@code binding}. */
    static Params bound(Module root, Binding binding) {
        return new Params(root, "", binding);
    }

    /** The module this scope belongs to. */
    public Module module() {
        return module;
    }

    /** The dotted path of the module from the root of the pass ({@code ""} for the root). */
    public String path() {
        return path;
    }

    /** Whether the module is in training mode (its own flag; a functional call does not change modes). */
    public boolean isTraining() {
        return module.isTraining();
    }

    /**
     * The tensor to use for the module's parameter or buffer {@code name}: the substitute given to a
     * functional call if any (or the value stored earlier in this pass by {@link #updateBuffer}), else the
     * module's own.
     *
     * @throws IllegalArgumentException when the module has no parameter or buffer of that name
     */
    public Tensor get(String name) {
        return binding.resolve(slot("get", name).tensor());
    }

    /**
     * The scope of the direct child {@code name}.
     *
     * @throws IllegalArgumentException when there is no such child
     */
    public Params child(String name) {
        Module c = module.child(name);
        if (c == null) {
            throw new IllegalArgumentException("Params.child: " + where() + " has no submodule '" + name
                    + "'; its children are " + module.childNames());
        }
        return new Params(c, path.isEmpty() ? name : path + "." + name, binding);
    }

    /** Runs the direct child {@code name} on {@code input} within this pass. */
    public Tensor forward(String childName, Tensor input) {
        Params scope = child(childName);
        return scope.module.forward(input, scope);
    }

    /**
     * Runs the direct child {@code child} on {@code input} within this pass.
     *
     * @throws IllegalArgumentException when {@code child} is not registered in this module
     */
    public Tensor forward(Module child, Tensor input) {
        String name = module.childName(child);
        if (name == null) {
            throw new IllegalArgumentException("Params.forward: the " + (child == null ? "null module" : child.typeName())
                    + " given is not a registered submodule of " + where() + "; register it with registerModule");
        }
        return forward(name, input);
    }

    /**
     * Stores a new value of the module's buffer {@code name} (running statistics), detached from the graph.
     * In a pass over the module's own tensors the module keeps it; in a functional call the module is left
     * alone and the value is reported in {@link FunctionalResult#updatedBuffers()}. Either way, later
     * {@link #get(String)} calls in the same pass see it.
     *
     * @throws IllegalArgumentException when {@code name} is not a buffer of the module or the shape differs
     */
    public void updateBuffer(String name, Tensor value) {
        Module.Slot slot = slot("updateBuffer", name).requireBuffer("Params.updateBuffer");
        if (!Arrays.equals(slot.tensor().shape(), value.shape())) {
            throw new IllegalArgumentException("Params.updateBuffer: buffer '" + name + "' of " + where() + " has shape "
                    + Shape.str(slot.tensor().shape()) + ", the new value " + Shape.str(value.shape()));
        }
        binding.updateBuffer(slot, value.detach());
    }

    private Module.Slot slot(String op, String name) {
        Module.Slot slot = module.localSlot(name);
        if (slot == null) {
            throw new IllegalArgumentException("Params." + op + ": " + where() + " has no parameter or buffer named '"
                    + name + "'; it has " + module.localNames());
        }
        return slot;
    }

    private String where() {
        return module.typeName() + (path.isEmpty() ? "" : " '" + path + "'");
    }
}
