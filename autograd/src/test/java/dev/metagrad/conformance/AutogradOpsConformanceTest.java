package dev.metagrad.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every case of the bundled {@code autograd_ops.json}, one test each, through the runner's own code. */
class AutogradOpsConformanceTest {
    /** The op vocabulary of FORMAT.md section 3.2. */
    private static final Set<String> VOCABULARY = Set.of("add", "sub", "mul", "div", "neg", "pow_scalar", "pow", "exp",
            "log", "sqrt", "rsqrt", "abs", "sign", "sin", "cos", "tanh", "sigmoid", "relu", "leaky_relu", "elu", "gelu",
            "softplus", "clamp", "maximum", "minimum", "where", "matmul", "linear", "transpose", "permute", "reshape",
            "expand", "sum", "mean", "var", "max_dim", "amax", "logsumexp", "softmax", "log_softmax", "cross_entropy",
            "nll_loss", "mse_loss", "l1_loss", "binary_cross_entropy_with_logits", "huber_loss", "smooth_l1_loss", "cat",
            "stack", "index_select", "gather", "narrow", "slice", "pad", "conv2d", "max_pool2d", "avg_pool2d",
            "batch_norm", "layer_norm", "norm", "dot", "outer", "cumsum");

    private static List<ConformanceCase> bundledCases() {
        return ConformanceRunner.cases(GoldenDocument.resource(AutogradOpsSuite.RESOURCE));
    }

    static Stream<Arguments> cases() {
        return bundledCases().stream().map(c -> Arguments.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String id, ConformanceCase golden) {
        CaseResult result = golden.run();
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void opTableCoversExactlyTheVocabulary() {
        assertThat(AutogradOps.all().keySet()).containsExactlyInAnyOrderElementsOf(VOCABULARY);
        assertThat(VOCABULARY).hasSize(63);
    }

    @Test
    void bundledFileHasAllCasesAndEveryOp() {
        List<ConformanceCase> cases = bundledCases();
        assertThat(cases).hasSize(202);
        Set<String> ops = new TreeSet<>();
        cases.forEach(c -> ops.add(c.op()));
        assertThat(ops).containsExactlyInAnyOrderElementsOf(VOCABULARY);
    }

    @Test
    void bundledSuiteIsDiscoveredByServiceLoader() {
        assertThat(ConformanceSuites.all()).containsKey(AutogradOpsSuite.NAME);
        assertThat(ConformanceSuites.get(AutogradOpsSuite.NAME)).isInstanceOf(AutogradOpsSuite.class);
    }
}
