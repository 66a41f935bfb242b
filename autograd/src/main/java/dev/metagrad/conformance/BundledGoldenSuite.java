package dev.metagrad.conformance;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A {@link ConformanceSuite} of float64 golden files with one bundled default file, each case built by one
 * factory from its id and JSON object ({@link GoldenDocument#float64Cases}). A concrete suite passes its name,
 * resource and case constructor to this constructor from its public no-argument one, which
 * {@link java.util.ServiceLoader} calls.
 */
public abstract class BundledGoldenSuite implements ConformanceSuite {
    private final String name;
    private final String resource;
    private final BiFunction<String, Map<String, Object>, ConformanceCase> factory;

    /**
     * A suite named {@code name} whose bundled file is {@code resource}.
     *
     * @param name     the {@code "suite"} value of its files, e.g. {@code "torch-optim"}
     * @param resource the absolute classpath name of the bundled file, e.g.
     *                 {@code "/dev/metagrad/golden/torch_optim.json"}
     * @param factory  builds one case from its id and JSON object
     */
    protected BundledGoldenSuite(String name, String resource,
                                 BiFunction<String, Map<String, Object>, ConformanceCase> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public final String name() {
        return name;
    }

    /** The one bundled file. */
    @Override
    public final List<String> bundledResources() {
        return List.of(resource);
    }

    /** Every case of a float64 file, built by the factory; a file of another dtype is refused. */
    @Override
    public final List<ConformanceCase> cases(Map<String, Object> document, String source) {
        return GoldenDocument.float64Cases(document, source, factory);
    }
}
