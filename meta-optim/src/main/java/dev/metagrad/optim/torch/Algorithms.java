package dev.metagrad.optim.torch;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of {@link Algorithm}s by torch class name ({@code "SGD"}, {@code "Adam"}, ...), used by
 * {@link Optimizers#create}, the conformance suite and the config factories. Thread-safe.
 */
public final class Algorithms {
    private static final Map<String, Algorithm> REGISTRY = new LinkedHashMap<>();

    static {
        register(new SgdAlgorithm());
        register(AdamAlgorithm.adam());
        register(AdamAlgorithm.adamW());
        register(new AdamaxAlgorithm());
        register(new AdagradAlgorithm());
        register(new AdadeltaAlgorithm());
        register(new RMSpropAlgorithm());
        register(new RAdamAlgorithm());
        register(new NAdamAlgorithm());
        register(new ASGDAlgorithm());
        register(new RpropAlgorithm());
    }

    private Algorithms() {
    }

    /**
     * The algorithm registered under {@code name} (exact, case-sensitive torch class name).
     *
     * @throws IllegalArgumentException when there is none: {@code "unknown algorithm X; known: [...]"}
     */
    public static Algorithm byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown algorithm " + name + "; known: " + names()));
    }

    /** The algorithm registered under {@code name}, if any. */
    public static synchronized Optional<Algorithm> find(String name) {
        return Optional.ofNullable(REGISTRY.get(name));
    }

    /** The registered names, in registration order. */
    public static synchronized Set<String> names() {
        return new LinkedHashSet<>(REGISTRY.keySet());
    }

    /**
     * Registers {@code algorithm} under {@link Algorithm#name()}.
     *
     * @throws IllegalArgumentException when that name is taken
     */
    public static synchronized void register(Algorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        String name = Objects.requireNonNull(algorithm.name(), "algorithm.name()");
        if (REGISTRY.containsKey(name)) {
            throw new IllegalArgumentException("Algorithms.register: an algorithm named " + name + " is already registered");
        }
        REGISTRY.put(name, algorithm);
    }
}
