package dev.metagrad.nn;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.testing.Nets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FunctionalTest {
    private static final Tensor X = Tensor.of(new double[] {0.5, -1, 2, 0.25, -0.75, 1.5}, 3, 2);

    private static Nets.Net net() {
        return new Nets.Net(new Generator(11));
    }

    /** Every parameter times {@code factor}: non-leaf tensors computed from the module's own. */
    private static Map<String, Tensor> scaled(Module m, double factor) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        m.namedParameters().forEach((k, v) -> out.put(k, v.mul(factor)));
        return out;
    }

    /** A second module of the same architecture holding {@code state}, to compute expected outputs. */
    private static Nets.Net holding(Map<String, Tensor> state, boolean training) {
        Nets.Net copy = net();
        Map<String, Tensor> detached = new LinkedHashMap<>();
        state.forEach((k, v) -> detached.put(k, v.detach()));
        copy.loadStateDict(detached, false);
        copy.train(training);
        return copy;
    }

    /** Identity and value of everything the module holds. */
    private record Snapshot(Map<String, Tensor> tensors, Map<String, double[]> values) {
        static Snapshot of(Module m) {
            Map<String, Tensor> tensors = m.namedParameters();
            tensors.putAll(m.namedBuffers());
            Map<String, double[]> values = new LinkedHashMap<>();
            tensors.forEach((k, v) -> values.put(k, v.toDoubleArray()));
            return new Snapshot(tensors, values);
        }

        void assertUnchanged(Module m) {
            Snapshot now = of(m);
            assertThat(now.tensors.keySet()).containsExactlyElementsOf(tensors.keySet());
            tensors.forEach((k, v) -> assertThat(now.tensors.get(k)).as(k).isSameAs(v));
            values.forEach((k, v) -> assertThat(now.values.get(k)).as(k).containsExactly(v));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Substituting parameters

    @Test
    void callWithNonLeafParametersUsesThemAndLeavesTheModuleUntouched() {
        Nets.Net net = net();
        net.eval();
        Snapshot before = Snapshot.of(net);
        Map<String, Tensor> doubled = scaled(net, 2.0);
        assertThat(doubled.values()).noneMatch(Tensor::isLeaf);

        Tensor y = Functional.call(net, doubled, X);

        assertThat(y.toDoubleArray()).containsExactly(holding(doubled, false).forward(X).toDoubleArray(), within(1e-15));
        before.assertUnchanged(net);
        assertThat(net.parameters()).allMatch(p -> p.grad() == null);
        assertThat(net.parameters()).allMatch(Tensor::isLeaf);
    }

    @Test
    void gradientsFlowThroughTheSubstitutesToWhatTheyWereComputedFrom() {
        Nets.Net net = net();
        net.eval();
        Tensor w = net.parameter("head.weight");
        Map<String, Tensor> p = Map.of("head.weight", w.mul(3.0));
        Tensor[] viaSubstitute = Autograd.grad(Functional.call(net, p, X).sum(), w);
        // the head is linear in its weight, so d/dw f(3w) = 3 f'(w)
        Tensor[] direct = Autograd.grad(net.forward(X).sum(), w);
        assertThat(viaSubstitute[0].toDoubleArray()).containsExactly(direct[0].mul(3.0).toDoubleArray(), within(1e-14));
    }

    @Test
    void missingNamesFallBackToTheModulesOwnTensors() {
        Nets.Net net = net();
        net.eval();
        Tensor head = Tensor.of(new double[] {0.5, -2}, 1, 2);
        Tensor y = Functional.call(net, Map.of("head.weight", head), X);
        Map<String, Tensor> expected = net.stateDict();
        expected.put("head.weight", head);
        assertThat(y.toDoubleArray()).containsExactly(holding(expected, false).forward(X).toDoubleArray());
    }

    @Test
    void theOrderedListSubstitutesEveryParameter() {
        Nets.Net net = net();
        net.eval();
        Map<String, Tensor> doubled = scaled(net, 2.0);
        Tensor byList = Functional.call(net, new ArrayList<>(doubled.values()), X);
        assertThat(byList.toDoubleArray()).containsExactly(Functional.call(net, doubled, X).toDoubleArray());
    }

    @Test
    void theOrderedListMustHaveOneTensorPerParameter() {
        Nets.Net net = net();
        List<Tensor> tooFew = net.parameters().subList(0, 3);
        assertThatThrownBy(() -> Functional.call(net, tooFew, X)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 9 parameters").hasMessageContaining("but 3 tensors were given");
    }

    // ---------------------------------------------------------------------------------------------
    // Errors

    @Test
    void unknownNamesAreListedWithTheKnownOnes() {
        Nets.Net net = net();
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("encoder.fc1.wieght", Tensor.zeros(3, 2));
        p.put("head.weight", Tensor.zeros(1, 2));
        p.put("decoder.bias", Tensor.zeros(2));
        assertThatThrownBy(() -> Functional.call(net, p, X)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameters or buffers named [encoder.fc1.wieght, decoder.bias]")
                .hasMessageContaining("encoder.fc1.weight").hasMessageContaining("bn.running_mean");
    }

    @Test
    void shapeMismatchesAndNullsAreErrors() {
        Nets.Net net = net();
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("head.weight", Tensor.zeros(2, 1));
        p.put("scale", null);
        assertThatThrownBy(() -> Functional.call(net, p, X)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'head.weight' has shape [1, 2] but was given a tensor of shape [2, 1]")
                .hasMessageContaining("the tensor for 'scale' is null");
    }

    @Test
    void strictCallsNeedEveryParameterAndBuffer() {
        Nets.Net net = net();
        net.eval();
        assertThatThrownBy(() -> Functional.callStrict(net, scaled(net, 1.0), X)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strict call without tensors for [offset, bn.running_mean, bn.running_var, "
                        + "bn.num_batches_tracked]");
        Map<String, Tensor> all = scaled(net, 1.0);
        all.putAll(net.namedBuffers());
        assertThat(Functional.callStrict(net, all, X).toDoubleArray()).containsExactly(net.forward(X).toDoubleArray());
    }

    // ---------------------------------------------------------------------------------------------
    // Buffers

    @Test
    void substitutedRunningStatisticsAreUsedInEvaluation() {
        Nets.Net net = net();
        net.eval();
        Map<String, Tensor> stats = Map.of("bn.running_mean", Tensor.of(0.5, -0.25), "bn.running_var", Tensor.of(2.0, 0.5));
        Tensor y = Functional.call(net, stats, X);
        Map<String, Tensor> expected = net.stateDict();
        expected.putAll(stats);
        assertThat(y.toDoubleArray()).containsExactly(holding(expected, false).forward(X).toDoubleArray());
        assertThat(net.buffer("bn.running_mean").toDoubleArray()).containsExactly(0, 0);
    }

    @Test
    void aTrainingCallReturnsTheNewRunningStatisticsInsteadOfWritingThem() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Snapshot before = Snapshot.of(bn);
        Tensor x = Tensor.of(new double[] {1, 10, 3, 30, 5, 20}, 3, 2); // means 3, 20; unbiased variances 4, 100
        Tensor givenMean = Tensor.of(1.0, 2.0);

        FunctionalResult r = Functional.bind(bn, Map.of("running_mean", givenMean)).run(x);

        before.assertUnchanged(bn);
        assertThat(givenMean.toDoubleArray()).containsExactly(1, 2);
        assertThat(r.updatedBuffers().keySet()).containsExactly("running_mean", "running_var", "num_batches_tracked");
        // 0.9 * given + 0.1 * batch mean; the own running_var 1 updated with the unbiased variance
        assertThat(r.updatedBuffers().get("running_mean").toDoubleArray()).containsExactly(new double[] {1.2, 3.8}, within(1e-15));
        assertThat(r.updatedBuffers().get("running_var").toDoubleArray()).containsExactly(new double[] {1.3, 10.9}, within(1e-14));
        assertThat(r.updatedBuffers().get("num_batches_tracked").toLongArray()).containsExactly(1);
        assertThat(r.updatedBuffers().values()).allMatch(t -> t.isLeaf() && !t.requiresGrad());
        assertThat(r.output().toDoubleArray()).containsExactly(bn.forward(x).toDoubleArray());
    }

    @Test
    void updatedBuffersChainIntoTheNextCallLikeTwoTrainingSteps() {
        Nets.Net net = net();
        Nets.Net reference = holding(net.stateDict(), true);
        Tensor x2 = X.mul(-2.0).add(0.5);
        FunctionalResult first = Functional.bind(net, Map.of()).run(X);
        FunctionalResult second = Functional.bind(net, first.updatedBuffers()).run(x2);
        reference.forward(X);
        Tensor y2 = reference.forward(x2);
        assertThat(second.output().toDoubleArray()).containsExactly(y2.toDoubleArray());
        assertThat(second.updatedBuffers().keySet()).containsExactly("bn.running_mean", "bn.running_var",
                "bn.num_batches_tracked");
        second.updatedBuffers().forEach((k, v) ->
                assertThat(v.toDoubleArray()).as(k).containsExactly(reference.buffer(k).toDoubleArray()));
        assertThat(net.buffer("bn.num_batches_tracked").toLongArray()).containsExactly(0);
    }

    // ---------------------------------------------------------------------------------------------
    // Tied weights

    @Test
    void aSubstituteForATiedParameterIsUsedUnderEveryName() {
        Nets.Tied tied = new Nets.Tied(new Generator(4));
        Tensor eye = Tensor.eye(2);
        Tensor zero = Tensor.zeros(2);
        Tensor y = Functional.call(tied, Map.of("second.weight", eye, "first.bias", zero), X.narrow(0, 0, 2));
        assertThat(y.toDoubleArray()).containsExactly(X.narrow(0, 0, 2).toDoubleArray());
    }

    @Test
    void differentSubstitutesForOneTiedParameterAreAnError() {
        Nets.Tied tied = new Nets.Tied(new Generator(4));
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("first.weight", Tensor.eye(2));
        p.put("second.weight", Tensor.zeros(2, 2));
        assertThatThrownBy(() -> Functional.call(tied, p, X)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'first.weight' and 'second.weight' are the same (tied) tensor");
    }

    // ---------------------------------------------------------------------------------------------
    // Concurrency

    @Test
    void concurrentCallsOnOneModuleDoNotInterfere() throws Exception {
        Nets.Net net = net(); // training mode: every call computes new running statistics
        Snapshot before = Snapshot.of(net);
        int calls = 24;
        double[][] expected = new double[calls][];
        for (int i = 0; i < calls; i++) {
            expected[i] = Functional.call(net, scaled(net, 1 + 0.1 * i), X).toDoubleArray();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                double factor = 1 + 0.1 * i;
                results.add(pool.submit(() -> Functional.call(net, scaled(net, factor), X).toDoubleArray()));
            }
            for (int i = 0; i < calls; i++) {
                assertThat(results.get(i).get()).as("call %d", i).containsExactly(expected[i]);
            }
        } finally {
            pool.shutdown();
        }
        before.assertUnchanged(net);
    }
}
