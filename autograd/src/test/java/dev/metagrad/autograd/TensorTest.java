package dev.metagrad.autograd;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TensorTest {

    // ---------------------------------------------------------------------------------------------
    // Creation

    @Test
    void ofHoldsValuesInRowMajorOrder() {
        Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertThat(t.shape()).containsExactly(2, 3);
        assertThat(t.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(t.toDoubleArray2d()).isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(Tensor.of(1, 2).shape()).containsExactly(2);
        assertThat(Tensor.of(new double[][] {{1, 2}, {3, 4}}).toDoubleArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void ofCopiesItsInput() {
        double[] data = {1, 2};
        Tensor t = Tensor.of(data, 2);
        data[0] = 99;
        assertThat(t.toDoubleArray()).containsExactly(1, 2);
        t.toDoubleArray()[1] = 99;
        assertThat(t.toDoubleArray()).containsExactly(1, 2);
    }

    @Test
    void ofWithTheWrongNumberOfValuesThrows() {
        assertThatThrownBy(() -> Tensor.of(new double[] {1, 2, 3, 4, 5}, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("of", "5 values", "[2, 3]", "6 elements");
    }

    @Test
    void ofWithRaggedRowsThrows() {
        assertThatThrownBy(() -> Tensor.of(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("of", "row 1", "1 values", "row 0 has 2");
    }

    @Test
    void ofLongsAndOfBooleansCheckTheirLength() {
        assertThatThrownBy(() -> Tensor.ofLongs(new long[] {1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ofLongs", "[2]");
        assertThatThrownBy(() -> Tensor.ofBooleans(new boolean[] {true}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ofBooleans", "[3]");
        assertThat(Tensor.ofLongs(new long[] {5, -6}, 2).toLongArray()).containsExactly(5, -6);
        assertThat(Tensor.ofBooleans(new boolean[] {true, false}, 2).dtype()).isEqualTo(DType.BOOL);
    }

    @Test
    void negativeDimensionsAreRejected() {
        assertThatThrownBy(() -> Tensor.zeros(2, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("full", "negative dimension", "[2, -1]");
    }

    @Test
    void zerosOnesFullAndScalar() {
        assertThat(Tensor.zeros(2, 2).toDoubleArray()).containsExactly(0, 0, 0, 0);
        assertThat(Tensor.ones(3).toDoubleArray()).containsExactly(1, 1, 1);
        Tensor f = Tensor.full(2.5, 2, 1);
        assertThat(f.shape()).containsExactly(2, 1);
        assertThat(f.toDoubleArray()).containsExactly(2.5, 2.5);
        assertThat(Tensor.full(7, DType.INT64, 2).toLongArray()).containsExactly(7, 7);
        assertThat(Tensor.ones(DType.FLOAT32, 2).dtype()).isEqualTo(DType.FLOAT32);
        Tensor s = Tensor.scalar(4.5);
        assertThat(s.shape()).isEmpty();
        assertThat(s.dim()).isZero();
        assertThat(s.numel()).isEqualTo(1);
        assertThat(s.item()).isEqualTo(4.5);
        assertThat(Tensor.zeros().shape()).isEmpty();
    }

    @Test
    void likeConstructorsCopyShapeAndDtype() {
        Tensor like = Tensor.ones(DType.FLOAT32, 2, 3);
        assertThat(Tensor.zerosLike(like).shape()).containsExactly(2, 3);
        assertThat(Tensor.zerosLike(like).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensor.onesLike(like).toDoubleArray()).containsOnly(1.0);
        assertThat(Tensor.fullLike(like, -2).toDoubleArray()).containsOnly(-2.0);
        assertThat(Tensor.scalarLike(like, 3).shape()).isEmpty();
        assertThat(Tensor.scalarLike(like, 3).dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void arangeCountsUpToButExcludingTheEnd() {
        assertThat(Tensor.arange(5).toDoubleArray()).containsExactly(0, 1, 2, 3, 4);
        assertThat(Tensor.arange(1, 2, 0.25).toDoubleArray()).containsExactly(1, 1.25, 1.5, 1.75);
        assertThat(Tensor.arange(5, 0, -2).toDoubleArray()).containsExactly(5, 3, 1);
        assertThat(Tensor.arange(0, 1, 0.1).numel()).isEqualTo(10);
        assertThat(Tensor.arange(3, 3, 1).numel()).isZero();
    }

    @Test
    void arangeRejectsAStepThatCannotReachTheEnd() {
        assertThatThrownBy(() -> Tensor.arange(0, 5, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("arange", "step -1.0");
        assertThatThrownBy(() -> Tensor.arange(0, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linspaceHitsBothEndpointsExactly() {
        double[] v = Tensor.linspace(0.1, 0.7, 7).toDoubleArray();
        assertThat(v).hasSize(7);
        assertThat(v[0]).isEqualTo(0.1);
        assertThat(v[6]).isEqualTo(0.7);
        assertThat(v[3]).isCloseTo(0.4, within(1e-15));
        double[] w = Tensor.linspace(-1.3, 2.9, 10).toDoubleArray();
        assertThat(w[0]).isEqualTo(-1.3);
        assertThat(w[9]).isEqualTo(2.9);
        for (int i = 1; i < w.length; i++) {
            assertThat(w[i] - w[i - 1]).isCloseTo(4.2 / 9, within(1e-14));
        }
        assertThat(Tensor.linspace(0, 1, 5).toDoubleArray()).containsExactly(0, 0.25, 0.5, 0.75, 1);
    }

    @Test
    void linspaceWithOneStepIsTheStart() {
        // torch.linspace(3, 10, steps=1) == tensor([3.])
        assertThat(Tensor.linspace(3, 10, 1).toDoubleArray()).containsExactly(3);
        assertThat(Tensor.linspace(3, 10, 0).numel()).isZero();
    }

    @Test
    void linspaceRejectsNegativeSteps() {
        assertThatThrownBy(() -> Tensor.linspace(0, 1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("linspace", "steps", "-1");
    }

    @Test
    void eyeIsTheIdentity() {
        Tensor i = Tensor.eye(3);
        assertThat(i.shape()).containsExactly(3, 3);
        assertThat(i.toDoubleArray()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void randnIsReproducibleBySeed() {
        double[] a = Tensor.randn(new Generator(123), 4, 5).toDoubleArray();
        double[] b = Tensor.randn(new Generator(123), 4, 5).toDoubleArray();
        double[] c = Tensor.randn(new Generator(124), 4, 5).toDoubleArray();
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        // the tensor holds exactly the generator's stream
        Generator g = new Generator(123);
        assertThat(a[0]).isEqualTo(g.nextGaussian());
        assertThat(a[1]).isEqualTo(g.nextGaussian());
        assertThat(Tensor.randn(new Generator(1), DType.FLOAT32, 2).dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void randIsUniformInTheUnitInterval() {
        Tensor r = Tensor.rand(new Generator(9), 1000);
        for (double v : r.toDoubleArray()) {
            assertThat(v).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
        assertThat(r.mean().item()).isCloseTo(0.5, within(0.05));
        assertThat(Tensor.rand(new Generator(9), 3).toDoubleArray()).containsExactly(
                Tensor.rand(new Generator(9), 3).toDoubleArray());
    }

    // ---------------------------------------------------------------------------------------------
    // Metadata and access

    @Test
    void shapeAndStridesAreRowMajorAndCopied() {
        Tensor t = Tensor.zeros(2, 3, 4);
        assertThat(t.shape()).containsExactly(2, 3, 4);
        assertThat(t.strides()).containsExactly(12, 4, 1);
        assertThat(t.dim()).isEqualTo(3);
        assertThat(t.numel()).isEqualTo(24);
        assertThat(t.size(-1)).isEqualTo(4);
        assertThat(t.size(0)).isEqualTo(2);
        t.shape()[0] = 100;
        assertThat(t.shape()).containsExactly(2, 3, 4);
        assertThatThrownBy(() -> t.size(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("size", "dim 3", "rank 3");
    }

    @Test
    void sizeOfAZeroDimTensorIsAnArgumentError() {
        assertThatThrownBy(() -> Tensor.scalar(1).size(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("size", "dim 0", "0-dim");
    }

    @Test
    void itemOnAMultiElementTensorThrows() {
        assertThatThrownBy(() -> Tensor.of(1, 2).item())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("item", "[2]", "2 elements");
        assertThat(Tensor.of(new double[] {7}, 1, 1).item()).isEqualTo(7);
    }

    @Test
    void conversionsToJavaArrays() {
        Tensor t = Tensor.of(1.7, -1.7, 2.0);
        assertThat(t.toLongArray()).containsExactly(1, -1, 2);
        assertThat(t.toFloatArray()).containsExactly(1.7f, -1.7f, 2f);
        assertThatThrownBy(t::toDoubleArray2d)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("toDoubleArray2d", "[3]");
    }

    @Test
    void toConvertsBetweenDtypes() {
        Tensor t = Tensor.of(0.1, 2.9);
        Tensor f = t.to(DType.FLOAT32);
        assertThat(f.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(f.toFloatArray()).containsExactly(0.1f, 2.9f);
        assertThat(t.to(DType.INT64).toLongArray()).containsExactly(0, 2);
        assertThat(t.to(DType.FLOAT64)).isSameAs(t);
        assertThat(f.to(DType.FLOAT64).toDoubleArray()).containsExactly((double) 0.1f, (double) 2.9f);
    }

    @Test
    void wrapChecksTheStorageSize() {
        Tensor t = Tensor.of(1, 2, 3, 4);
        assertThat(Tensor.wrap(t.storage(), new int[] {2, 2}).toDoubleArray()).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> Tensor.wrap(t.storage(), new int[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("wrap", "4 elements", "[3]");
    }

    // ---------------------------------------------------------------------------------------------
    // Autograd bookkeeping

    @Test
    void requiresGradOnAnInt64TensorThrows() {
        Tensor idx = Tensor.ofLongs(new long[] {1, 2}, 2);
        assertThatThrownBy(() -> idx.requiresGrad(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("requiresGrad", "floating point", "int64");
        assertThat(idx.requiresGrad(false).requiresGrad()).isFalse();
    }

    @Test
    void requiresGradOnABoolTensorThrows() {
        assertThatThrownBy(() -> Tensor.ofBooleans(new boolean[] {true}, 1).requiresGrad(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bool");
    }

    @Test
    void requiresGradOnANonLeafThrowsSuggestingDetach() {
        Tensor y = Tensor.of(1.0).requiresGrad(true).mul(2.0);
        assertThatThrownBy(() -> y.requiresGrad(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("requiresGrad", "mul", "not a leaf", "detach");
    }

    @Test
    void leavesAndNonLeaves() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        assertThat(x.isLeaf()).isTrue();
        assertThat(x.gradFn()).isNull();
        Tensor y = x.exp();
        assertThat(y.isLeaf()).isFalse();
        assertThat(y.requiresGrad()).isTrue();
        assertThat(y.gradFn().name()).isEqualTo("exp");
        assertThat(Tensor.of(1.0).exp().requiresGrad()).isFalse();
    }

    @Test
    void setGradChecksShapeAndDtype() {
        Tensor x = Tensor.zeros(2).requiresGrad(true);
        x.setGrad(Tensor.ones(2));
        assertThat(x.grad().toDoubleArray()).containsExactly(1, 1);
        assertThatThrownBy(() -> x.setGrad(Tensor.ones(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("setGrad", "[3]", "[2]");
        assertThatThrownBy(() -> x.setGrad(Tensor.ones(DType.FLOAT32, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("setGrad", "float32", "float64");
    }

    @Test
    void detachSharesValuesAndIsALeafWithoutGrad() {
        Tensor y = Tensor.of(1, 2).requiresGrad(true).mul(3.0);
        Tensor d = y.detach();
        assertThat(d.toDoubleArray()).containsExactly(3, 6);
        assertThat(d.storage()).isSameAs(y.storage());
        assertThat(d.isLeaf()).isTrue();
        assertThat(d.requiresGrad()).isFalse();
        assertThat(d.grad()).isNull();
    }

    @Test
    void backwardOnAScalarFillsLeafGrads() {
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
        x.square().sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 4, 6);
        Tensor z = Tensor.of(1.0).requiresGrad(true);
        z.mul(4.0).sum().backwardCall().retainGraph(false).run();
        assertThat(z.grad().item()).isEqualTo(4.0);
    }

    // ---------------------------------------------------------------------------------------------
    // Text

    @Test
    void toStringShowsValuesAndDtype() {
        assertThat(Tensor.of(new double[][] {{1, 2}, {3, 4}})).hasToString("tensor([[1., 2.], [3., 4.]], dtype=float64)");
        assertThat(Tensor.ofFloats(new float[] {0.5f, -1.25f}, 2)).hasToString("tensor([0.5000, -1.2500], dtype=float32)");
        assertThat(Tensor.ofLongs(new long[] {3, -1}, 2)).hasToString("tensor([3, -1], dtype=int64)");
        assertThat(Tensor.scalar(2.5)).hasToString("tensor(2.5000, dtype=float64)");
    }

    @Test
    void toStringMarksGradientTracking() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        assertThat(x).hasToString("tensor([1.], dtype=float64, requiresGrad=true)");
        assertThat(x.mul(2.0)).hasToString("tensor([2.], dtype=float64, gradFn=mulBackward)");
    }

    @Test
    void toStringDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Tensor.of(0.5, 1e-6)).hasToString("tensor([0.5000, 1.0000e-06], dtype=float64)");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
