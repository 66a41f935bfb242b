package dev.metagrad.tree;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.autograd.check.TensorFunction;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TreeMathTest {
    private static Map<String, Tensor> params(Tensor w, Tensor b) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", w);
        m.put("b", b);
        return m;
    }

    private static Map<String, Tensor> x() {
        return params(Tensor.of(new double[][] {{1, 2}, {3, 4}}), Tensor.of(0.5, -1));
    }

    private static Map<String, Tensor> y() {
        return params(Tensor.of(new double[][] {{-2, 0}, {1, 0.25}}), Tensor.of(2, 3));
    }

    @Test
    void addSubScaleAndAxpyWorkLeafByLeaf() {
        Map<String, Tensor> sum = TreeMath.add(x(), y());
        assertThat(sum.keySet()).containsExactly("w", "b");
        assertThat(sum.get("w").toDoubleArray()).containsExactly(-1, 2, 4, 4.25);
        assertThat(sum.get("b").toDoubleArray()).containsExactly(2.5, 2);
        Map<String, Tensor> diff = TreeMath.sub(x(), y());
        assertThat(diff.get("w").toDoubleArray()).containsExactly(3, 2, 2, 3.75);
        assertThat(diff.get("b").toDoubleArray()).containsExactly(-1.5, -4);
        assertThat(TreeMath.scale(x(), -2.0).get("b").toDoubleArray()).containsExactly(-1, 2);
        assertThat(TreeMath.scale(x(), Tensor.scalar(3)).get("w").toDoubleArray()).containsExactly(3, 6, 9, 12);
        Map<String, Tensor> axpy = TreeMath.axpy(0.5, x(), y()); // 0.5 x + y
        assertThat(axpy.get("w").toDoubleArray()).containsExactly(-1.5, 1, 2.5, 2.25);
        assertThat(axpy.get("b").toDoubleArray()).containsExactly(2.25, 2.5);
        Map<String, Tensor> axpyTensor = TreeMath.axpy(Tensor.scalar(0.5), x(), y());
        assertThat(axpyTensor.get("w").toDoubleArray()).containsExactly(-1.5, 1, 2.5, 2.25);
        assertThat(axpyTensor.get("b").toDoubleArray()).containsExactly(2.25, 2.5);
    }

    @Test
    void vdotAndNormAgainstHandComputedValues() {
        // w: 1*-2 + 2*0 + 3*1 + 4*0.25 = 2; b: 0.5*2 + -1*3 = -2
        Tensor dot = TreeMath.vdot(x(), y());
        assertThat(dot.dim()).isZero();
        assertThat(dot.item()).isEqualTo(0.0);
        assertThat(TreeMath.vdot(x(), x()).item()).isEqualTo(1 + 4 + 9 + 16 + 0.25 + 1);
        Tensor norm = TreeMath.norm(x());
        assertThat(norm.dim()).isZero();
        assertThat(norm.item()).isCloseTo(Math.sqrt(31.25), within(1e-15));
        assertThat(TreeMath.norm(List.of(Tensor.of(3.0), List.of(Tensor.scalar(4.0)))).item()).isEqualTo(5.0);
    }

    @Test
    void treesWithoutLeavesHaveZeroInnerProductAndNorm() {
        assertThat(TreeMath.vdot(Map.of(), Map.of()).item()).isZero();
        assertThat(TreeMath.norm(null).item()).isZero();
        assertThat(TreeMath.norm(List.of(Tensor.zeros(0))).item()).isZero();
    }

    @Test
    void float32TreesStayFloat32() {
        Map<String, Tensor> f = Trees.map(x(), t -> t.to(DType.FLOAT32));
        assertThat(TreeMath.vdot(f, f).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(TreeMath.norm(f).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(TreeMath.norm(f).item()).isCloseTo(Math.sqrt(31.25), within(1e-6));
    }

    @Test
    void likeTreesKeepShapesDtypesAndStructure() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("w", Tensor.ones(DType.FLOAT32, 2, 3));
        tree.put("rest", List.of(Tensor.scalar(2.0)));
        Map<String, Object> zeros = TreeMath.zerosLike(tree);
        Map<String, Object> ones = TreeMath.onesLike(tree);
        assertThat(Trees.structure(zeros)).isEqualTo(Trees.structure(tree));
        Tensor zw = (Tensor) zeros.get("w");
        assertThat(zw.shape()).containsExactly(2, 3);
        assertThat(zw.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(zw.toDoubleArray()).containsOnly(0.0);
        assertThat(Trees.leaves(ones).get(1).toDoubleArray()).containsExactly(1.0);
        assertThat(Trees.leaves(ones).get(1).dim()).isZero();
    }

    @Test
    void detachCutsEveryLeafFromTheGraph() {
        Tensor w = Tensor.of(1.0, 2.0).requiresGrad(true);
        Map<String, Tensor> computed = params(w.mul(2.0), w.square());
        Map<String, Tensor> cut = TreeMath.detach(computed);
        assertThat(cut.values()).allSatisfy(t -> {
            assertThat(t.requiresGrad()).isFalse();
            assertThat(t.isLeaf()).isTrue();
        });
        assertThat(cut.get("b").toDoubleArray()).containsExactly(1, 4);
    }

    @Test
    void mismatchesNameTheOperationAndThePath() {
        Map<String, Tensor> shorter = params(Tensor.of(new double[][] {{1, 2}, {3, 4}}), Tensor.of(1, 2, 3));
        assertThatThrownBy(() -> TreeMath.add(x(), shorter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("add: leaf shapes differ at ['b']: [2] vs [3]");
        // [2, 2] and [2] would broadcast; tree arithmetic refuses rather than reshape a parameter
        Map<String, Tensor> broadcastable = params(Tensor.of(1, 2), Tensor.of(1, 2));
        assertThatThrownBy(() -> TreeMath.vdot(x(), broadcastable)).hasMessage("vdot: leaf shapes differ at ['w']: [2, 2] vs [2]");
        assertThatThrownBy(() -> TreeMath.axpy(1.0, x(), Map.of("w", Tensor.ones(2, 2))))
                .hasMessageStartingWith("axpy: structures differ at the root: Map with keys [w, b] vs Map with keys [w]");
        Map<String, Tensor> single = Trees.map(x(), t -> t.to(DType.FLOAT32));
        assertThatThrownBy(() -> TreeMath.sub(x(), single)).hasMessage("sub: leaf dtypes differ at ['w']: float64 vs float32");
        assertThatThrownBy(() -> TreeMath.scale(x(), Tensor.of(2.0))).hasMessageContaining("0-dim tensor, got shape [1]");
        assertThatThrownBy(() -> TreeMath.norm(params(Tensor.ones(2), Tensor.ones(DType.FLOAT32, 2))))
                .hasMessage("norm: leaves mix float64 (at ['w']) and float32 (at ['b']); convert them to one dtype");
        assertThatThrownBy(() -> TreeMath.vdot(List.of(Tensor.ofLongs(new long[] {1}, 1)), List.of(Tensor.ofLongs(new long[] {1}, 1))))
                .hasMessageContaining("vdot: the leaf at [0] is int64");
    }

    @Test
    void gradientsFlowThroughVdotNormAndAxpy() {
        Tensor w = Tensor.of(new double[][] {{1, 2}, {3, 4}}).requiresGrad(true);
        Tensor b = Tensor.of(0.5, -1).requiresGrad(true);
        Map<String, Tensor> p = params(w, b);
        Map<String, Tensor> q = y();

        Tensor[] g = Autograd.grad(TreeMath.vdot(p, q), w, b);
        assertThat(g[0].toDoubleArray()).containsExactly(q.get("w").toDoubleArray());
        assertThat(g[1].toDoubleArray()).containsExactly(q.get("b").toDoubleArray());

        double n = Math.sqrt(31.25);
        g = Autograd.grad(TreeMath.norm(p), w, b);
        assertThat(g[0].toDoubleArray()).containsExactly(new double[] {1 / n, 2 / n, 3 / n, 4 / n}, within(1e-15));
        assertThat(g[1].toDoubleArray()).containsExactly(new double[] {0.5 / n, -1 / n}, within(1e-15));

        // L = sum of all leaves of alpha x + y: dL/dalpha = sum of x, dL/dx = alpha, dL/dy = 1
        Tensor alpha = Tensor.scalar(0.25).requiresGrad(true);
        Tensor yw = Tensor.zeros(2, 2).requiresGrad(true);
        Map<String, Tensor> out = TreeMath.axpy(alpha, p, params(yw, Tensor.zeros(2)));
        Tensor loss = out.get("w").sum().add(out.get("b").sum());
        g = Autograd.grad(loss, alpha, w, yw);
        assertThat(g[0].item()).isEqualTo(10 - 0.5);
        assertThat(g[1].toDoubleArray()).containsOnly(0.25);
        assertThat(g[2].toDoubleArray()).containsOnly(1.0);
    }

    @Test
    void normHasAZeroGradientAtTheZeroTree() {
        Tensor w = Tensor.zeros(2, 2).requiresGrad(true);
        Tensor b = Tensor.zeros(3).requiresGrad(true);
        Tensor[] g = Autograd.grad(TreeMath.norm(params(w, b)), w, b);
        assertThat(g[0].toDoubleArray()).containsOnly(0.0);
        assertThat(g[1].toDoubleArray()).containsOnly(0.0);
    }

    @Test
    void normHasExactSecondDerivativesWhereALeafIsZero() {
        // d2/dx2 |x| = (I - u u^T) / |x| with u = x / |x|; the zero bias block is I / |x| = I / 5
        Tensor w = Tensor.of(3.0, 4.0).requiresGrad(true);
        Tensor b = Tensor.zeros(2).requiresGrad(true);
        Tensor gb = Autograd.gradOf(TreeMath.norm(params(w, b))).inputs(b).createGraph(true).compute()[0];
        Tensor hb = Autograd.grad(gb.mul(Tensor.of(1.0, 0.0)).sum(), b)[0];
        assertThat(hb.toDoubleArray()).containsExactly(new double[] {0.2, 0.0}, within(1e-15));
    }

    @Test
    void gradcheckThroughTreeArithmetic() {
        TensorFunction f = in -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("w", in[0]);
            p.put("rest", List.of(in[1]));
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("w", in[2]);
            q.put("rest", List.of(in[3]));
            Object step = TreeMath.axpy(in[4], q, p);                   // p + alpha q
            Object moved = TreeMath.sub(TreeMath.scale(step, 0.9), TreeMath.scale(q, in[4].square()));
            return TreeMath.norm(moved).add(TreeMath.vdot(moved, TreeMath.add(p, q)));
        };
        Tensor w = Tensor.of(new double[] {0.3, -1.2, 0.8, 2.0, -0.4, 0.1}, 2, 3).requiresGrad(true);
        Tensor r = Tensor.of(0.7, -0.2).requiresGrad(true);
        Tensor qw = Tensor.of(new double[] {-0.5, 0.4, 1.1, -0.9, 0.6, 0.2}, 2, 3).requiresGrad(true);
        Tensor qr = Tensor.of(0.05, 1.3).requiresGrad(true);
        Tensor alpha = Tensor.scalar(-0.35).requiresGrad(true);
        assertThat(GradCheck.gradcheck(f, w, r, qw, qr, alpha)).isTrue();
        assertThat(GradCheck.gradgradcheck(f, w, r, qw, qr, alpha)).isTrue();
    }

    @Test
    void gradgradcheckOfTheNormWithAZeroLeaf() {
        TensorFunction f = in -> TreeMath.norm(List.of(in[0], in[1]));
        Tensor w = Tensor.of(new double[] {0.3, -1.2, 0.8, 2.0}, 2, 2).requiresGrad(true);
        Tensor zeroBias = Tensor.zeros(3).requiresGrad(true);
        assertThat(GradCheck.gradcheck(f, w, zeroBias)).isTrue();
        assertThat(GradCheck.gradgradcheck(f, w, zeroBias)).isTrue();
    }
}
