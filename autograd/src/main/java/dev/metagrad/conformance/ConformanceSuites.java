package dev.metagrad.conformance;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The conformance suites on the classpath, found with {@link ServiceLoader}, by name. */
public final class ConformanceSuites {
    private ConformanceSuites() {
    }

    /**
     * Every suite the class loader of this class can see, sorted by name.
     *
     * @throws IllegalStateException when two suites claim the same name
     */
    public static Map<String, ConformanceSuite> all() {
        Map<String, ConformanceSuite> suites = new TreeMap<>();
        for (ConformanceSuite suite : ServiceLoader.load(ConformanceSuite.class, ConformanceSuites.class.getClassLoader())) {
            ConformanceSuite previous = suites.put(suite.name(), suite);
            if (previous != null && previous.getClass() != suite.getClass()) {
                throw new IllegalStateException("two conformance suites are named \"" + suite.name() + "\": "
                        + previous.getClass().getName() + " and " + suite.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(suites);
    }

    /**
     * The suite of that name.
     *
     * @throws IllegalArgumentException when no suite has that name; the message lists the known ones
     */
    public static ConformanceSuite get(String name) {
        Map<String, ConformanceSuite> suites = all();
        ConformanceSuite suite = suites.get(name);
        if (suite == null) {
            throw new IllegalArgumentException("unknown suite \"" + name + "\"; known suites: "
                    + (suites.isEmpty() ? "(none)" : String.join(", ", suites.keySet())));
        }
        return suite;
    }
}
