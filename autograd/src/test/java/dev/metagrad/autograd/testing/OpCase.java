package dev.metagrad.autograd.testing;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.autograd.check.TensorFunction;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row of a gradient-check table: a named function of float64 leaves. {@link #toString()} is the
 * name, so {@code @ParameterizedTest(name = "{0}")} shows it.
 */
public final class OpCase {
    private final String name;
    private final TensorFunction f;
    private final Tensor[] inputs;
    private final boolean secondOrder;
    private final GradCheck.Options options;

    private OpCase(String name, TensorFunction f, Tensor[] inputs, boolean secondOrder, GradCheck.Options options) {
        this.name = name;
        this.f = f;
        this.inputs = inputs;
        this.secondOrder = secondOrder;
        this.options = options;
    }

    /** A case checked to first and second order with gradcheck's default tolerances. */
    public static OpCase of(String name, TensorFunction f, Tensor... inputs) {
        return new OpCase(name, f, inputs, true, GradCheck.Options.defaults());
    }

    /** This case without the gradgradcheck (for ops whose gradient is defined rather than derived). */
    public OpCase firstOrderOnly() {
        return new OpCase(name, f, inputs, false, options);
    }

    /** This case with other check options. */
    public OpCase withOptions(GradCheck.Options value) {
        return new OpCase(name, f, inputs, secondOrder, value);
    }

    /** Whether gradgradcheck applies. */
    public boolean secondOrder() {
        return secondOrder;
    }

    /** The inputs (leaves). */
    public Tensor[] inputs() {
        return inputs.clone();
    }

    /** Evaluates the function at the case's inputs. */
    public Tensor apply() {
        return f.apply(inputs);
    }

    /**
     * The output records a graph (otherwise gradcheck would compare zeros with zeros) and the
     * first-order check passes.
     */
    public void assertGradcheck() {
        assertRecords();
        assertThat(GradCheck.gradcheck(f, options, inputs)).as("gradcheck of %s", name).isTrue();
    }

    /** The output records a graph and the second-order check passes. */
    public void assertGradgradcheck() {
        assertRecords();
        assertThat(GradCheck.gradgradcheck(f, options, inputs)).as("gradgradcheck of %s", name).isTrue();
    }

    private void assertRecords() {
        Tensor out = f.apply(inputs);
        assertThat(out.requiresGrad()).as("%s output requires grad", name).isTrue();
        assertThat(Arrays.stream(out.toDoubleArray()).allMatch(Double::isFinite)).as("%s output is finite", name).isTrue();
        assertThat(Arrays.stream(inputs).allMatch(Tensor::requiresGrad)).isTrue();
    }

    @Override
    public String toString() {
        return name;
    }
}
