package dev.metagrad.nn;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base of every layer and model ({@code torch.nn.Module}): named parameters, buffers and submodules in
 * registration order, a training flag, and a forward pass that reads its tensors through {@link Params}.
 *
 * <p>A subclass registers its state in its constructor and implements
 * {@link #forward(Tensor, Params)}, reading every parameter and buffer with {@code params.get(name)}
 * and running submodules with {@code params.forward(child, x)}:
 * <pre>{@code
 * final class TwoLayer extends Module {
 *     private final Linear fc1;
 *     private final Linear fc2;
 *
 *     TwoLayer(Generator rng) {
 *         fc1 = registerModule("fc1", new Linear(2, 8, rng));
 *         fc2 = registerModule("fc2", new Linear(8, 1, rng));
 *     }
 *
 *     protected Tensor forward(Tensor x, Params p) {
 *         return p.forward(fc2, p.forward(fc1, x).tanh());
 *     }
 * }
 * }</pre>
 * {@link #forward(Tensor)} runs with the module's own tensors; {@link Functional#call} runs the same code
 * with tensors supplied by the caller (for example non-leaf parameters of an inner optimisation loop)
 * without touching the module.
 *
 * <p>Names are torch's: a parameter {@code weight} of the child {@code fc1} of the child {@code encoder} is
 * {@code encoder.fc1.weight}. Tensors are immutable, so every change of state (loading, replacing a
 * parameter, updating running statistics) swaps the registered tensor for a new one. A tensor registered
 * under several names (tied weights, a shared submodule) is one parameter: it is listed once, under its
 * first name, and replacing it through any name replaces it everywhere in the module tree.
 *
 * <p>Not thread-safe for mutation. Concurrent {@link Functional} calls are safe as long as no thread
 * mutates the module meanwhile ({@link #forward(Tensor)} of a training {@link BatchNorm} does: it
 * stores new running statistics).
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistentBuffers = new HashSet<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** A module with no state, in training mode. */
    protected Module() {
    }

    // ----------------------------------------------------------------------------------------------
    // Registration

    /**
     * Registers a parameter ({@code register_parameter}): a leaf that is marked as requiring grad, as
     * {@code nn.Parameter} does.
     *
     * @return {@code value}, now requiring grad
     * @throws IllegalArgumentException when the name is taken or malformed, or the value is not a floating
     *                                  point leaf
     */
    protected final Tensor registerParameter(String name, Tensor value) {
        checkNewName("registerParameter", name);
        if (value == null || !value.isLeaf() || !value.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("registerParameter: '" + name + "' must be a floating point leaf tensor, got "
                    + describe(value) + "; to run with a computed tensor use setParameter or Functional.call");
        }
        parameters.put(name, value.requiresGrad(true));
        return value;
    }

    /**
     * Registers a persistent buffer (part of {@link #stateDict()}); see
     * {@link #registerBuffer(String, Tensor, boolean)}.
     */
    protected final Tensor registerBuffer(String name, Tensor value) {
        return registerBuffer(name, value, true);
    }

    /**
     * Registers a buffer ({@code register_buffer}): state that is not trained, such as running statistics.
     * Non-persistent buffers are left out of {@link #stateDict()}.
     *
     * @return {@code value}
     * @throws IllegalArgumentException when the name is taken or malformed, or the value is null
     */
    protected final Tensor registerBuffer(String name, Tensor value, boolean persistent) {
        checkNewName("registerBuffer", name);
        if (value == null) {
            throw new IllegalArgumentException("registerBuffer: buffer '" + name + "' is null");
        }
        buffers.put(name, value);
        if (!persistent) {
            nonPersistentBuffers.add(name);
        }
        return value;
    }

    /**
     * Registers a submodule ({@code add_module}); its state appears under {@code name.}.
     *
     * @return {@code module}
     * @throws IllegalArgumentException when the name is taken or malformed, or the module is null or this one
     */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkNewName("registerModule", name);
        if (module == null || module == this) {
            throw new IllegalArgumentException("registerModule: '" + name + "' must be another module, got "
                    + (module == null ? "null" : "the module itself"));
        }
        children.put(name, module);
        return module;
    }

    private void checkNewName(String op, String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(op + ": name must be non-empty and contain no '.', got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(op + ": " + typeName() + " already has a parameter, buffer or submodule named '"
                    + name + "'");
        }
    }

    // ----------------------------------------------------------------------------------------------
    // Forward

    /** Runs the module on {@code input} with its own parameters and buffers ({@code module(input)}). */
    public final Tensor forward(Tensor input) {
        return forward(input, Params.own(this));
    }

    /**
     * The computation: reads every parameter and buffer through {@code params.get(name)} (never from fields,
     * so that {@link Functional} calls can substitute them) and runs submodules with
     * {@code params.forward(child, x)}. Running statistics are stored with {@code params.updateBuffer}.
     */
    protected abstract Tensor forward(Tensor input, Params params);

    // ----------------------------------------------------------------------------------------------
    // Queries

    /** The parameters in {@link #namedParameters()} order. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /**
     * Parameters of this module and its descendants by dotted name ({@code named_parameters()}): a module's
     * own in registration order, then each child's under its prefix, depth first. A tensor registered
     * under several names appears once, under the first.
     *
     * @return a new map; changing it does not change the module
     */
    public final LinkedHashMap<String, Tensor> namedParameters() {
        return collect(true);
    }

    /** The buffers in {@link #namedBuffers()} order. */
    public final List<Tensor> buffers() {
        return new ArrayList<>(namedBuffers().values());
    }

    /**
     * Buffers (persistent or not) by dotted name, ordered and deduplicated as {@link #namedParameters()}
     * ({@code named_buffers()}); a new map.
     */
    public final LinkedHashMap<String, Tensor> namedBuffers() {
        return collect(false);
    }

    private LinkedHashMap<String, Tensor> collect(boolean params) {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            Map<String, Tensor> own = params ? m.getValue().parameters : m.getValue().buffers;
            for (Map.Entry<String, Tensor> e : own.entrySet()) {
                if (seen.add(e.getValue())) {
                    out.put(prefix + e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }

    /** The direct submodules in registration order ({@code children()}). */
    public final List<Module> children() {
        return new ArrayList<>(children.values());
    }

    /** The direct submodules by name ({@code named_children()}); a new map. */
    public final LinkedHashMap<String, Module> namedChildren() {
        return new LinkedHashMap<>(children);
    }

    /**
     * This module (name {@code ""}) and all descendants by dotted name, depth first ({@code named_modules()});
     * a module reachable under several names appears once.
     */
    public final LinkedHashMap<String, Module> namedModules() {
        LinkedHashMap<String, Module> out = new LinkedHashMap<>();
        addModules("", out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void addModules(String name, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(this)) {
            return;
        }
        out.put(name, this);
        for (Map.Entry<String, Module> c : children.entrySet()) {
            c.getValue().addModules(name.isEmpty() ? c.getKey() : name + "." + c.getKey(), out, seen);
        }
    }

    /**
     * The submodule at a dotted path ({@code get_submodule}); {@code ""} is this module.
     *
     * @throws IllegalArgumentException naming the first missing segment
     */
    public final Module submodule(String path) {
        Module m = this;
        if (path.isEmpty()) {
            return m;
        }
        for (String part : path.split("\\.", -1)) {
            Module next = m.children.get(part);
            if (next == null) {
                throw new IllegalArgumentException("submodule: " + m.typeName() + " has no submodule '" + part
                        + "' (looking up '" + path + "'); its children are " + m.children.keySet());
            }
            m = next;
        }
        return m;
    }

    /**
     * The parameter at a dotted name ({@code get_parameter}).
     *
     * @throws IllegalArgumentException when there is no such parameter
     */
    public final Tensor parameter(String name) {
        return slot("parameter", name).requireParameter("parameter").tensor();
    }

    /**
     * The buffer at a dotted name ({@code get_buffer}).
     *
     * @throws IllegalArgumentException when there is no such buffer
     */
    public final Tensor buffer(String name) {
        return slot("buffer", name).requireBuffer("buffer").tensor();
    }

    // ----------------------------------------------------------------------------------------------
    // Modes and gradients

    /** Whether this module is in training mode. */
    public final boolean isTraining() {
        return training;
    }

    /** Sets training mode on this module and all descendants ({@code train()}); returns this. */
    public final Module train() {
        return train(true);
    }

    /** Sets training ({@code true}) or evaluation mode on this module and all descendants; returns this. */
    public final Module train(boolean mode) {
        for (Module m : namedModules().values()) {
            m.training = mode;
        }
        return this;
    }

    /** Evaluation mode for this module and all descendants ({@code eval()}); returns this. */
    public final Module eval() {
        return train(false);
    }

    /** Clears the accumulated gradient of every parameter ({@code zero_grad()}, set_to_none=True). */
    public final void zeroGrad() {
        for (Tensor p : parameters()) {
            p.setGrad(null);
        }
    }

    /**
     * Marks every parameter as requiring grad or not ({@code requires_grad_}); returns this. A computed
     * (non-leaf) parameter already requires grad and cannot be changed: asking for {@code true} leaves it,
     * asking for {@code false} fails before any parameter is changed.
     *
     * @throws IllegalStateException naming the non-leaf parameters when {@code value} is false
     */
    public final Module requiresGrad(boolean value) {
        Map<String, Tensor> all = namedParameters();
        List<String> computed = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : all.entrySet()) {
            if (!e.getValue().isLeaf()) {
                computed.add(e.getKey());
            }
        }
        if (!value && !computed.isEmpty()) {
            throw new IllegalStateException("requiresGrad: parameters " + computed + " are computed (non-leaf) tensors "
                    + "whose requiresGrad cannot change; replace them with detached tensors first");
        }
        for (Tensor p : all.values()) {
            if (p.isLeaf()) {
                p.requiresGrad(value);
            }
        }
        return this;
    }

    // ----------------------------------------------------------------------------------------------
    // State

    /**
     * Parameters and persistent buffers by dotted name ({@code state_dict()}), detached: each value shares
     * the data of the registered tensor but is a leaf outside the graph. A module's own parameters come
     * first, then its buffers, then each child's entries. As in torch, a tensor registered under several
     * names appears under each of them.
     *
     * @return a new map
     */
    public final LinkedHashMap<String, Tensor> stateDict() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Slot> e : stateSlots().entrySet()) {
            out.put(e.getKey(), e.getValue().tensor().detach());
        }
        return out;
    }

    /** {@link #loadStateDict(Map, boolean)} with strict = true (torch's default). */
    public final LoadResult loadStateDict(Map<String, Tensor> state) {
        return loadStateDict(state, true);
    }

    /**
     * Replaces parameters and persistent buffers with the values of {@code state} ({@code load_state_dict}).
     * Parameters become new leaves (requiring grad if the replaced one did) sharing the given data; buffers
     * become the detached values. Everything is checked before anything changes, so a failed call leaves
     * the module as it was.
     *
     * @param strict when true, keys of the module missing from {@code state} and keys of {@code state} the
     *               module does not have are errors; when false they are reported in the result
     * @return the missing and unexpected keys (both empty after a strict load)
     * @throws IllegalArgumentException listing every problem: missing or unexpected keys (strict), null
     *                                  values, shape or dtype mismatches (always)
     */
    public final LoadResult loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Slot> slots = stateSlots();
        List<String> missing = new ArrayList<>();
        for (String key : slots.keySet()) {
            if (!state.containsKey(key)) {
                missing.add(key);
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String key : state.keySet()) {
            if (!slots.containsKey(key)) {
                unexpected.add(key);
            }
        }
        List<String> errors = new ArrayList<>();
        if (strict && !missing.isEmpty()) {
            errors.add("missing key(s) " + missing);
        }
        if (strict && !unexpected.isEmpty()) {
            errors.add("unexpected key(s) " + unexpected);
        }
        IdentityHashMap<Tensor, Tensor> replacements = new IdentityHashMap<>();
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            if (!state.containsKey(e.getKey())) {
                continue;
            }
            Tensor current = e.getValue().tensor();
            Tensor value = state.get(e.getKey());
            String mismatch = mismatch(e.getKey(), current, value, "the state dict has", "the module");
            if (mismatch != null) {
                errors.add(mismatch);
                continue;
            }
            Tensor loaded = value.detach();
            if (e.getValue().isParameter()) {
                loaded.requiresGrad(current.requiresGrad());
            }
            replacements.put(current, loaded);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("loadStateDict: error(s) loading a state dict into " + typeName() + ": "
                    + String.join("; ", errors) + ". Nothing was loaded.");
        }
        replaceEverywhere(replacements);
        return new LoadResult(missing, unexpected);
    }

    /** Slots of {@link #stateDict()}, not deduplicated. */
    private LinkedHashMap<String, Slot> stateSlots() {
        LinkedHashMap<String, Slot> out = new LinkedHashMap<>();
        addStateSlots("", out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void addStateSlots(String prefix, Map<String, Slot> out, Set<Module> path) {
        // a module that contains itself would recurse forever; torch does the same, we stop at the cycle
        if (!path.add(this)) {
            return;
        }
        for (String name : parameters.keySet()) {
            out.put(prefix + name, new Slot(this, name, true));
        }
        for (String name : buffers.keySet()) {
            if (!nonPersistentBuffers.contains(name)) {
                out.put(prefix + name, new Slot(this, name, false));
            }
        }
        for (Map.Entry<String, Module> c : children.entrySet()) {
            c.getValue().addStateSlots(prefix + c.getKey() + ".", out, path);
        }
        path.remove(this);
    }

    /**
     * Replaces a parameter by another tensor, which may be computed (non-leaf): the step of a meta-optimiser
     * that makes {@code theta - lr * grad} the module's new parameter. The tensor is stored as given (its
     * requiresGrad is not changed). A tied parameter is replaced under all its names.
     *
     * @param name dotted name, e.g. {@code encoder.fc1.weight}
     * @throws IllegalArgumentException when there is no such parameter, or the shape or dtype differs
     */
    public final void setParameter(String name, Tensor value) {
        replace("setParameter", slot("setParameter", name).requireParameter("setParameter"), name, value);
    }

    /**
     * Replaces a buffer by another tensor (for example the running statistics returned by a
     * {@link FunctionalResult}). A tied buffer is replaced under all its names.
     *
     * @throws IllegalArgumentException when there is no such buffer, or the shape or dtype differs
     */
    public final void setBuffer(String name, Tensor value) {
        replace("setBuffer", slot("setBuffer", name).requireBuffer("setBuffer"), name, value);
    }

    private void replace(String op, Slot slot, String name, Tensor value) {
        String mismatch = mismatch(name, slot.tensor(), value, "the new tensor has", "the current one");
        if (mismatch != null) {
            throw new IllegalArgumentException(op + ": " + mismatch);
        }
        IdentityHashMap<Tensor, Tensor> replacement = new IdentityHashMap<>();
        replacement.put(slot.tensor(), value);
        replaceEverywhere(replacement);
    }

    /**
     * Converts floating point parameters and buffers to {@code dtype} ({@code module.to(dtype)},
     * {@code .float()}, {@code .double()}); integer buffers and tensors already of that type are kept.
     * Converted parameters become new leaves (computed ones are detached) that require grad if the old
     * ones did. Returns this.
     *
     * @throws IllegalArgumentException when dtype is not floating point
     */
    public final Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("to: modules convert only to a floating point type, got " + dtype);
        }
        IdentityHashMap<Tensor, Tensor> replacements = new IdentityHashMap<>();
        for (Tensor p : parameters()) {
            if (p.dtype() != dtype) {
                replacements.put(p, p.detach().to(dtype).requiresGrad(p.requiresGrad()));
            }
        }
        for (Tensor b : buffers()) {
            if (b.dtype().isFloatingPoint() && b.dtype() != dtype) {
                replacements.put(b, b.detach().to(dtype));
            }
        }
        replaceEverywhere(replacements);
        return this;
    }

    /** Replaces, in every module of this tree, each registered tensor that is a key of {@code replacements}. */
    private void replaceEverywhere(IdentityHashMap<Tensor, Tensor> replacements) {
        for (Module m : namedModules().values()) {
            m.parameters.replaceAll((k, v) -> replacements.getOrDefault(v, v));
            m.buffers.replaceAll((k, v) -> replacements.getOrDefault(v, v));
        }
    }

    /** {@code null} when {@code value} can replace {@code current}, else why not, naming the key and both sides. */
    private static String mismatch(String key, Tensor current, Tensor value, String newSide, String currentSide) {
        if (value == null) {
            return "the value for '" + key + "' is null";
        }
        if (!Arrays.equals(current.shape(), value.shape())) {
            return "shape mismatch for '" + key + "': " + newSide + " shape " + Shape.str(value.shape()) + ", "
                    + currentSide + " " + Shape.str(current.shape());
        }
        if (current.dtype() != value.dtype()) {
            return "dtype mismatch for '" + key + "': " + newSide + " dtype " + value.dtype() + ", " + currentSide + " "
                    + current.dtype();
        }
        return null;
    }

    // ----------------------------------------------------------------------------------------------
    // Package internals for Params and Functional

    /** A parameter or buffer of a module, found by name. */
    record Slot(Module owner, String name, boolean isParameter) {
        Tensor tensor() {
            return isParameter ? owner.parameters.get(name) : owner.buffers.get(name);
        }

        Slot requireParameter(String op) {
            if (!isParameter) {
                throw new IllegalArgumentException(op + ": '" + name + "' of " + owner.typeName()
                        + " is a buffer, not a parameter");
            }
            return this;
        }

        Slot requireBuffer(String op) {
            if (isParameter) {
                throw new IllegalArgumentException(op + ": '" + name + "' of " + owner.typeName()
                        + " is a parameter, not a buffer");
            }
            return this;
        }
    }

    /** The slot at a dotted name, or an exception naming it. */
    final Slot slot(String op, String dottedName) {
        Slot s = findSlot(dottedName);
        if (s == null) {
            throw new IllegalArgumentException(op + ": " + typeName() + " has no parameter or buffer named '" + dottedName
                    + "'; its parameters are " + namedParameters().keySet() + " and its buffers "
                    + namedBuffers().keySet());
        }
        return s;
    }

    /** The slot at a dotted name, or null. */
    final Slot findSlot(String dottedName) {
        Module m = this;
        String[] parts = dottedName.split("\\.", -1);
        for (int i = 0; i < parts.length - 1; i++) {
            m = m.children.get(parts[i]);
            if (m == null) {
                return null;
            }
        }
        return m.localSlot(parts[parts.length - 1]);
    }

    /** This module's own parameter or buffer called {@code name}, or null. */
    final Slot localSlot(String name) {
        if (parameters.containsKey(name)) {
            return new Slot(this, name, true);
        }
        if (buffers.containsKey(name)) {
            return new Slot(this, name, false);
        }
        return null;
    }

    /** The direct child called {@code name}, or null. */
    final Module child(String name) {
        return children.get(name);
    }

    /** The name under which {@code module} is a direct child, or null. */
    final String childName(Module module) {
        for (Map.Entry<String, Module> c : children.entrySet()) {
            if (c.getValue() == module) {
                return c.getKey();
            }
        }
        return null;
    }

    /** Names of this module's own parameters and buffers, for error messages. */
    final Set<String> localNames() {
        Set<String> names = new LinkedHashSet<>(parameters.keySet());
        names.addAll(buffers.keySet());
        return names;
    }

    /** Names of the direct children, for error messages. */
    final Set<String> childNames() {
        return Collections.unmodifiableSet(children.keySet());
    }

    /** Stores a new value of this module's own buffer (the running statistics of {@link #forward(Tensor)}). */
    final void storeBuffer(String name, Tensor value) {
        buffers.put(name, value);
    }

    // ----------------------------------------------------------------------------------------------
    // Printing

    /** The class name torch prints, e.g. {@code Linear}. */
    final String typeName() {
        return getClass().getSimpleName();
    }

    /**
     * The settings printed between the parentheses of {@link #toString()} ({@code extra_repr}), e.g.
     * {@code in_features=2, out_features=3, bias=True}; empty by default.
     */
    protected String extraRepr() {
        return "";
    }

    /**
     * torch's module printout: {@code Linear(in_features=2, out_features=3, bias=True)}, with one indented
     * {@code (name): child} line per submodule.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(typeName()).append('(').append(extraRepr());
        if (!children.isEmpty()) {
            for (Map.Entry<String, Module> c : children.entrySet()) {
                String child = c.getValue().toString().replace("\n", "\n  ");
                sb.append("\n  (").append(c.getKey()).append("): ").append(child);
            }
            sb.append('\n');
        }
        return sb.append(')').toString();
    }

    private static String describe(Tensor t) {
        if (t == null) {
            return "null";
        }
        return t.dtype() + " " + Shape.str(t.shape()) + (t.isLeaf() ? " leaf" : " computed by " + t.gradFn().name());
    }
}
