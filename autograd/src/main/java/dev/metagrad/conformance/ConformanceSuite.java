package dev.metagrad.conformance;

import java.util.List;
import java.util.Map;

/**
 * A family of golden files, named by the files' top-level {@code "suite"} field ({@code autograd-ops},
 * later {@code torch-optim}, {@code lr-schedulers}, {@code swa-ema}, ...). Implementations live in the
 * module that holds the code they check and are found with {@link java.util.ServiceLoader}: list the
 * class in {@code META-INF/services/dev.metagrad.conformance.ConformanceSuite}; it needs a public
 * no-argument constructor.
 */
public interface ConformanceSuite {
    /** The {@code "suite"} value of the files this suite runs. */
    String name();

    /**
     * Classpath resources (absolute names, such as {@code /dev/metagrad/golden/autograd_ops.json}) of the
     * golden files bundled with this suite; the runner uses them when given no files.
     */
    List<String> bundledResources();

    /**
     * The cases of a parsed golden file of this suite, in file order.
     *
     * @param document the file's top-level object
     * @param source   where the file came from, for messages
     * @throws IllegalArgumentException when the file's structure (not a single case) is malformed
     */
    List<ConformanceCase> cases(Map<String, Object> document, String source);
}
