package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the list of dicts torch's optimizer constructors and {@code add_param_group} accept:
 * the group's parameters plus the options it overrides ({@code {'params': ..., 'lr': 1e-3}}).
 *
 * <p>A group built from a {@link Module} ({@link #of(Module, Options)}) updates the module: each step stores
 * the new parameter tensors with {@link Module#setParameter}, so {@code module.forward} sees them (tensors are
 * immutable, so that is how "in place" works). A group of plain tensors keeps its current tensors in
 * {@link ParamGroup#params()}.
 *
 * @param params    the parameters, in order (for a module group, {@code module.parameters()} when the spec was made)
 * @param overrides options of this group that differ from the optimizer's defaults
 * @param module    the module whose parameters these are, or null for plain tensors
 */
public record GroupSpec(List<Tensor> params, Options overrides, Module module) {
    /**
     * @throws NullPointerException     when params, a parameter or overrides is null
     * @throws IllegalArgumentException when {@code overrides} has a {@code "params"} key, or a module is given and
     *                                  {@code params} is not exactly its parameters
     */
    public GroupSpec {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(overrides, "overrides");
        List<Tensor> copy = new ArrayList<>(params.size());
        for (Tensor t : params) {
            copy.add(Objects.requireNonNull(t, "a parameter is null"));
        }
        params = List.copyOf(copy);
        if (overrides.has("params")) {
            throw new IllegalArgumentException("GroupSpec: \"params\" is not an option; pass the tensors as params");
        }
        if (module != null) {
            List<Tensor> own = module.parameters();
            boolean same = own.size() == params.size();
            for (int i = 0; same && i < own.size(); i++) {
                same = own.get(i) == params.get(i);
            }
            if (!same) {
                throw new IllegalArgumentException("GroupSpec: params must be exactly module.parameters() for a module group");
            }
        }
    }

    /** A group of plain tensors with its own option overrides. */
    public GroupSpec(List<Tensor> params, Options overrides) {
        this(params, overrides, null);
    }

    /** A group of plain tensors that uses the optimizer's defaults. */
    public static GroupSpec of(List<Tensor> params) {
        return new GroupSpec(params, Options.empty(), null);
    }

    /** A group of plain tensors with option overrides. */
    public static GroupSpec of(List<Tensor> params, Options overrides) {
        return new GroupSpec(params, overrides, null);
    }

    /** All parameters of {@code module} (a whole model or one submodule) as a group updated through the module. */
    public static GroupSpec of(Module module) {
        return of(module, Options.empty());
    }

    /** All parameters of {@code module} as a group with option overrides, updated through the module. */
    public static GroupSpec of(Module module, Options overrides) {
        Objects.requireNonNull(module, "module");
        return new GroupSpec(module.parameters(), overrides, module);
    }
}
