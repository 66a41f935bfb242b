package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@code torch.optim} optimizer from its torch class name: the registered {@link Factory} (SGD gives an
 * {@link SGD}, LBFGS an {@link LBFGS}), otherwise an {@link AlgorithmOptimizer} over
 * {@link Algorithms#byName the registered algorithm} of that name. Thread-safe.
 */
public final class Optimizers {
    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

    static {
        register("SGD", SGD::new);
        register("Adam", Adam::new);
        register("AdamW", AdamW::new);
        register("Adamax", Adamax::new);
        register("Adagrad", Adagrad::new);
        register("Adadelta", Adadelta::new);
        register("RMSprop", RMSprop::new);
        register("RAdam", RAdam::new);
        register("NAdam", NAdam::new);
        register("ASGD", ASGD::new);
        register("Rprop", Rprop::new);
        register("LBFGS", LBFGS::new);
    }

    private Optimizers() {
    }

    /** Makes an optimizer of one class from param groups and the constructor options. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param groups  the param groups
         * @param options the constructor options (the defaults of every group)
         */
        Optimizer create(List<GroupSpec> groups, Options options);
    }

    /**
     * The optimizer {@code name} over {@code groups} with constructor {@code options}.
     *
     * @throws IllegalArgumentException {@code "unknown algorithm X; known: [...]"} for an unknown name, or what the
     *                                  optimizer's constructor throws (unknown or invalid option, bad parameters)
     */
    public static Optimizer create(String name, List<GroupSpec> groups, Options options) {
        Objects.requireNonNull(name, "name");
        Factory f;
        synchronized (Optimizers.class) {
            f = FACTORIES.get(name);
        }
        if (f != null) {
            return f.create(groups, options);
        }
        Algorithm a = Algorithms.find(name).orElseThrow(
                () -> new IllegalArgumentException("unknown algorithm " + name + "; known: " + names()));
        return new AlgorithmOptimizer(a, groups, options);
    }

    /** {@link #create(String, List, Options)} with one group of {@code params}. */
    public static Optimizer create(String name, Iterable<Tensor> params, Options options) {
        List<Tensor> list = new ArrayList<>();
        Objects.requireNonNull(params, "params").forEach(list::add);
        return create(name, List.of(GroupSpec.of(list)), options);
    }

    /** Every name {@link #create} accepts: registered factories and registered algorithms. */
    public static Set<String> names() {
        Set<String> out;
        synchronized (Optimizers.class) {
            out = new LinkedHashSet<>(FACTORIES.keySet());
        }
        out.addAll(Algorithms.names());
        return out;
    }

    /**
     * Registers a factory for {@code name} (a user's own optimizer class, or one that is not a per-parameter
     * algorithm such as LBFGS).
     *
     * @throws IllegalArgumentException when a factory of that name is registered already
     */
    public static synchronized void register(String name, Factory factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        if (FACTORIES.containsKey(name)) {
            throw new IllegalArgumentException("Optimizers.register: a factory named " + name + " is already registered");
        }
        FACTORIES.put(name, factory);
    }
}
