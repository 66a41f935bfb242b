package dev.metagrad.optim.viz;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphVizTest {
    private static final Pattern NODE = Pattern.compile("^\tn\\d+ \\[label=", Pattern.MULTILINE);
    private static final Pattern EDGE = Pattern.compile("^\tn\\d+ -> n\\d+$", Pattern.MULTILINE);

    private final Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad(true);
    private final Tensor w = Tensor.of(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, 2, 3).requiresGrad(true);
    private final Tensor c = Tensor.full(2.0, 2, 3);

    /** sum(tanh(x * w) * c), all of one shape (no broadcast views): four ops, two named leaves, one constant that is not drawn. */
    private Tensor loss() {
        return x.mul(w).tanh().mul(c).sum();
    }

    private Map<String, Tensor> params() {
        Map<String, Tensor> named = new LinkedHashMap<>();
        named.put("x", x);
        named.put("fc.weight", w);
        return named;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void smallGraphHasOneBoxPerNodeLeafAndOutput() {
        String dot = GraphViz.makeDot(loss(), params()).source();

        assertThat(dot).startsWith("digraph {").endsWith("}\n");
        // 4 backward nodes + 2 leaves + the output
        assertThat(count(NODE, dot)).as(dot).isEqualTo(7);
        // x->mul, w->mul, mul->tanh, tanh->mul, mul->sum, sum->output
        assertThat(count(EDGE, dot)).as(dot).isEqualTo(6);
        assertThat(dot).contains("label=\"tanhBackward\"", "label=\"mulBackward\"",
                "label=\"sumBackward\"");
        assertThat(dot).contains("[label=\"x\\n(2, 3)\" fillcolor=lightblue]");
        assertThat(dot).contains("[label=\"fc.weight\\n(2, 3)\" fillcolor=lightblue]");
        assertThat(dot).contains("n0 [label=\"()\" fillcolor=darkolivegreen1]");
        // the output's node points at the output, torchviz style
        assertThat(dot).contains("\tn1 -> n0\n");
    }

    @Test
    void edgesRunFromInputToConsumer() {
        Tensor y = x.exp();
        String dot = GraphViz.makeDot(y, params()).source();
        // n0 output, n1 expBackward, n2 the leaf x
        assertThat(dot).contains("n1 [label=\"expBackward\"]", "n2 [label=\"x\\n(2, 3)\" fillcolor=lightblue]",
                "\tn2 -> n1\n", "\tn1 -> n0\n");
        assertThat(count(EDGE, dot)).isEqualTo(2);
    }

    @Test
    void unnamedLeavesAreLabelledByShapeAndRepeatedInputsGetAnEdgeEach() {
        String dot = GraphViz.makeDot(x.mul(x).sum()).source();
        assertThat(dot).contains("[label=\"(2, 3)\" fillcolor=lightblue]");
        // sum, mul, one leaf, output; edges: leaf->mul twice, mul->sum, sum->output
        assertThat(count(NODE, dot)).isEqualTo(4);
        assertThat(count(EDGE, dot)).isEqualTo(4);
    }

    @Test
    void leafOutputIsASingleGreenBox() {
        String dot = GraphViz.makeDot(w, params()).source();
        assertThat(count(NODE, dot)).isEqualTo(1);
        assertThat(count(EDGE, dot)).isZero();
        assertThat(dot).contains("n0 [label=\"fc.weight\\n(2, 3)\" fillcolor=darkolivegreen1]");
    }

    @Test
    void labelsAreEscaped() {
        Map<String, Tensor> odd = Map.of("say \"hi\"\\path\nnext", x);
        String dot = GraphViz.makeDot(x.exp(), odd).source();
        assertThat(dot).contains("[label=\"say \\\"hi\\\"\\\\path\\nnext\\n(2, 3)\" fillcolor=lightblue]");
        assertThat(GraphViz.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
    }

    @Test
    void showAttrsAndShowSavedAddShapes() {
        Tensor h = x.mul(w);
        Tensor out = h.tanh().mul(c).sum();
        String plain = GraphViz.makeDot(out, params()).source();
        String attrs = GraphViz.makeDot(out, params(), true, false).source();
        String saved = GraphViz.makeDot(out, params(), false, true).source();

        assertThat(plain).doesNotContain("shape= (", "input0=");
        // the dashed rule is as wide as the widest line of the label
        assertThat(attrs).contains("tanhBackward\\n-------------\\nshape= (2, 3)\"",
                "mulBackward\\n-------------\\nshape= (2, 3)\"").doesNotContain("input0=");
        assertThat(saved).contains("mulBackward\\n--------------\\ninput0= (2, 3)\\ninput1= (2, 3)\"", "input0= (2, 3)\\ninput1= constant");
        assertThat(count(NODE, saved)).isEqualTo(count(NODE, plain));
        assertThat(count(EDGE, saved)).isEqualTo(count(EDGE, plain));

        out.backward();
        assertThat(GraphViz.makeDot(out, params(), true, false).source()).contains("released= true");
    }

    @Test
    void deepGraphsDoNotOverflowTheStack() {
        Tensor t = x;
        for (int i = 0; i < 20_000; i++) {
            t = t.mul(1.0);
        }
        String dot = GraphViz.makeDot(t).source();
        assertThat(count(EDGE, dot)).isEqualTo(20_001);
    }

    @Test
    void saveWritesTheText(@TempDir Path dir) throws IOException {
        Dot dot = GraphViz.makeDot(loss(), params());
        Path file = dot.save(dir.resolve("sub/graph.dot"));
        assertThat(Files.readString(file)).isEqualTo(dot.source());
    }

    @Test
    void renderRejectsUnknownFormats(@TempDir Path dir) {
        assertThatThrownBy(() -> GraphViz.makeDot(loss()).render(dir.resolve("g.gif"), "gif"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gif");
    }

    @Test
    void renderWithoutGraphvizNamesTheMissingBinary(@TempDir Path dir) {
        Assumptions.assumeFalse(Dot.isDotAvailable(), "Graphviz is installed; the missing-binary error cannot show");
        assertThatThrownBy(() -> GraphViz.makeDot(loss()).render(dir.resolve("g.png"), "png"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'dot'").hasMessageContaining("PATH");
    }

    @Test
    void renderWritesAnImageWhenGraphvizIsInstalled(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Dot.isDotAvailable(), "Graphviz 'dot' is not on the PATH");
        Dot dot = GraphViz.makeDot(loss(), params(), true, true);
        Path svg = dot.render(dir.resolve("g.svg"), "svg");
        assertThat(Files.readString(svg)).contains("<svg", "fc.weight");
        Path png = dot.render(dir.resolve("g.png"), "png");
        assertThat(Files.size(png)).isPositive();
    }
}
