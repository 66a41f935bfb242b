package dev.metagrad.autograd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShapeTest {
    @Test
    void numelMultipliesTheSizes() {
        assertThat(Shape.numel(new int[0])).isEqualTo(1);
        assertThat(Shape.numel(new int[] {2, 3, 4})).isEqualTo(24);
        assertThat(Shape.numel(new int[] {0, 5})).isZero();
    }

    @Test
    void numelRejectsMoreThanIntMaxElements() {
        assertThatThrownBy(() -> Shape.numel(new int[] {1 << 16, 1 << 16}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("[65536, 65536]", "too many elements");
    }

    @Test
    void contiguousStridesAreRowMajor() {
        assertThat(Shape.contiguousStrides(new int[] {2, 3, 4})).containsExactly(12, 4, 1);
        assertThat(Shape.contiguousStrides(new int[] {5})).containsExactly(1);
        assertThat(Shape.contiguousStrides(new int[0])).isEmpty();
    }

    @Test
    void wrapDimMapsNegativeDimsFromTheEnd() {
        assertThat(Shape.wrapDim("op", -1, 3)).isEqualTo(2);
        assertThat(Shape.wrapDim("op", -3, 3)).isEqualTo(0);
        assertThat(Shape.wrapDim("op", 2, 3)).isEqualTo(2);
        // torch lets a scalar use dim 0 or -1
        assertThat(Shape.wrapDim("op", -1, 0)).isEqualTo(0);
        assertThat(Shape.wrapDim("op", 0, 0)).isEqualTo(0);
    }

    @Test
    void wrapDimRejectsOutOfRangeNamingTheOpAndValidRange() {
        assertThatThrownBy(() -> Shape.wrapDim("sum", 3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum: dim 3 is out of range for a tensor of rank 3 (expected a value in [-3, 2])");
        assertThatThrownBy(() -> Shape.wrapDim("sum", -4, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrapDimsWrapsSortsAndRejectsRepeats() {
        assertThat(Shape.wrapDims("op", new int[] {-1, 0}, 3)).containsExactly(0, 2);
        assertThatThrownBy(() -> Shape.wrapDims("mean", new int[] {0, -3}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("mean", "dim 0", "more than once", "[0, -3]");
    }

    @Test
    void broadcastFollowsNumpyRules() {
        assertThat(Shape.broadcast("op", new int[] {2, 1, 3}, new int[] {4, 1})).containsExactly(2, 4, 3);
        assertThat(Shape.broadcast("op", new int[0], new int[] {2, 2})).containsExactly(2, 2);
        assertThat(Shape.broadcast("op", new int[] {5, 0}, new int[] {1})).containsExactly(5, 0);
        assertThat(Shape.broadcast("op", new int[] {3}, new int[] {3})).containsExactly(3);
    }

    @Test
    void broadcastRejectsIncompatibleSizesNamingBothShapes() {
        assertThatThrownBy(() -> Shape.broadcast("add", new int[] {3, 4}, new int[] {5, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("add", "[3, 4]", "[5, 4]", "size 3 vs 5", "dim 0");
    }

    @Test
    void reducedDropsOrKeepsDims() {
        assertThat(Shape.reduced(new int[] {2, 3, 4}, new int[] {0, 2}, false)).containsExactly(3);
        assertThat(Shape.reduced(new int[] {2, 3, 4}, new int[] {0, 2}, true)).containsExactly(1, 3, 1);
        assertThat(Shape.reduced(new int[] {2, 3}, new int[] {0, 1}, false)).isEmpty();
    }

    @Test
    void strIsBracketed() {
        assertThat(Shape.str(new int[] {3, 4})).isEqualTo("[3, 4]");
        assertThat(Shape.str(new int[0])).isEqualTo("[]");
    }
}
