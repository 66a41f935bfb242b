package dev.metagrad.autograd.testing;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * A test class with a table of {@link OpCase}s: implementing this runs gradcheck on every row and
 * gradgradcheck on every row that is second order, one dynamic test per row named after it.
 */
public interface GradcheckTable {
    /** The rows of the table. */
    Stream<OpCase> gradcheckCases();

    /** First derivatives of every row against central differences. */
    @TestFactory
    default Stream<DynamicTest> gradcheck() {
        return gradcheckCases().map(c -> dynamicTest(c.toString(), c::assertGradcheck));
    }

    /** Second derivatives of every second-order row against central differences. */
    @TestFactory
    default Stream<DynamicTest> gradgradcheck() {
        return gradcheckCases().filter(OpCase::secondOrder).map(c -> dynamicTest(c.toString(), c::assertGradgradcheck));
    }
}
