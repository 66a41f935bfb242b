package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LbfgsStateTest {
    private static final Tensor V = Tensor.of(1.0, 2.0);
    private static final Tensor S = Tensor.scalar(0.5);

    private static LbfgsState withHistory(long nIter, List<Tensor> dirs, List<Tensor> stps, List<Tensor> ro) {
        return new LbfgsState(3, nIter, V, S, dirs, stps, ro, S, V, S, null);
    }

    @Test
    void initialHasNoHistory() {
        LbfgsState s = LbfgsState.initial();
        assertThat(s.funcEvals()).isZero();
        assertThat(s.nIter()).isZero();
        assertThat(s.hasHistory()).isFalse();
        assertThat(s.withFuncEvals(4).funcEvals()).isEqualTo(4);
    }

    @Test
    void listsAreCopiedAndUnmodifiable() {
        List<Tensor> dirs = new ArrayList<>(List.of(V));
        LbfgsState s = withHistory(1, dirs, List.of(V), List.of(S));
        dirs.clear();
        assertThat(s.oldDirs()).hasSize(1);
        assertThatThrownBy(() -> s.oldDirs().add(V)).isInstanceOf(UnsupportedOperationException.class);
        List<Tensor> al = new ArrayList<>(Arrays.asList(S, null));
        LbfgsState withAl = new LbfgsState(3, 2, V, S, List.of(V), List.of(V), List.of(S), S, V, S, al);
        assertThat(withAl.al()).containsExactly(S, null);
        assertThatThrownBy(() -> withAl.al().set(1, S)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void detachKeepsValuesAndDropsGraphs() {
        Tensor w = Tensor.of(1.0, 3.0).requiresGrad(true);
        Tensor graphed = w.mul(2.0);
        LbfgsState s = new LbfgsState(3, 1, graphed, S, List.of(graphed), List.of(graphed), List.of(S), S, graphed, S,
                Arrays.asList(graphed.sum(), null));
        LbfgsState d = s.detach();
        assertThat(d.d().requiresGrad()).isFalse();
        assertThat(d.oldDirs().get(0).requiresGrad()).isFalse();
        assertThat(d.al().get(0).requiresGrad()).isFalse();
        assertThat(d.al().get(1)).isNull();
        assertThat(d.d().toDoubleArray()).containsExactly(2.0, 6.0);
    }

    @Test
    void inconsistentStatesAreRejected() {
        assertThatThrownBy(() -> withHistory(1, List.of(V), List.of(V, V), List.of(S)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different lengths");
        assertThatThrownBy(() -> withHistory(1, List.of(V), null, List.of(S)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("together");
        assertThatThrownBy(() -> withHistory(0, List.of(V), List.of(V), List.of(S)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n_iter is 0");
        assertThatThrownBy(() -> new LbfgsState(1, 2, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> new LbfgsState(1, 1, null, S, List.of(), List.of(), List.of(), S, V, S, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs d");
        assertThatThrownBy(() -> new LbfgsState(-1, 0, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
    }
}
