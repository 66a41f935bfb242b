package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LbfgsStateMapTest {
    private static LbfgsState afterTwoIterations() {
        LbfgsOptions options = LbfgsOptions.defaults().withMaxIter(3).withMaxEval(10).withHistorySize(4);
        return LbfgsFunctional.step(options, LbfgsState.initial(), Tensor.of(1.0, -2.0, 0.5),
                LbfgsObjective.of(x -> x.square().mul(Tensor.of(1.0, 3.0, 0.5)).sum(), false)).state();
    }

    @Test
    void roundTripsInTorchsLayout() {
        LbfgsState s = afterTwoIterations();
        Map<String, Object> map = LbfgsStateMap.toMap(s);
        assertThat(map.keySet()).containsExactly("func_evals", "n_iter", "al", "d", "t", "old_dirs", "old_stps", "ro",
                "H_diag", "prev_flat_grad", "prev_loss");
        assertThat(map.get("n_iter")).isEqualTo(3L);
        assertThat(map.get("t")).isInstanceOf(Double.class);
        assertThat(map.get("prev_loss")).isInstanceOf(Double.class);
        assertThat((List<?>) map.get("al")).hasSize(4).containsNull();
        LbfgsState back = LbfgsStateMap.fromMap(map, 3);
        assertThat(back.nIter()).isEqualTo(s.nIter());
        assertThat(back.funcEvals()).isEqualTo(s.funcEvals());
        assertThat(back.t().item()).isEqualTo(s.t().item());
        assertThat(back.prevLoss().item()).isEqualTo(s.prevLoss().item());
        assertThat(back.oldDirs()).hasSameSizeAs(s.oldDirs());
        assertThat(back.al()).hasSize(4);
        assertThat(back.al().get(3)).isNull();
    }

    @Test
    void anInitialStateIsEmptyAndCountsOnlyStayCounts() {
        assertThat(LbfgsStateMap.toMap(LbfgsState.initial())).isEmpty();
        assertThat(LbfgsStateMap.fromMap(Map.of(), 3).hasHistory()).isFalse();
        Map<String, Object> counts = LbfgsStateMap.toMap(LbfgsState.initial().withFuncEvals(2));
        assertThat(counts).containsExactly(Map.entry("func_evals", 2L), Map.entry("n_iter", 0L));
        assertThat(LbfgsStateMap.fromMap(counts, 3).funcEvals()).isEqualTo(2);
    }

    @Test
    void readsTorchsScalarTypesAsNumbersOrTensors() {
        Map<String, Object> map = new LinkedHashMap<>(LbfgsStateMap.toMap(afterTwoIterations()));
        map.put("t", Tensor.scalar(0.25));
        map.put("H_diag", 1L);
        map.put("prev_loss", Tensor.of(3.5));
        map.put("func_evals", 3.0);
        LbfgsState s = LbfgsStateMap.fromMap(map, 3);
        assertThat(s.t().item()).isEqualTo(0.25);
        assertThat(s.hDiag().item()).isEqualTo(1.0);
        assertThat(s.prevLoss().item()).isEqualTo(3.5);
        assertThat(s.funcEvals()).isEqualTo(3);
    }

    @Test
    void badEntriesAreNamed() {
        Map<String, Object> good = LbfgsStateMap.toMap(afterTwoIterations());
        assertError(with(good, "momentum", 1.0), "unknown key \"momentum\"");
        assertError(with(good, "d", Tensor.zeros(4)), "\"d\"");
        assertError(with(good, "old_dirs", List.of(Tensor.zeros(3), Tensor.zeros(2))), "old_dirs[1]");
        assertError(with(good, "ro", "x"), "\"ro\" must be a list");
        assertError(with(good, "n_iter", 1.5), "\"n_iter\" must be an integer");
        assertError(with(good, "al", Arrays.asList(Tensor.scalar(1.0))), "\"al\" has 1 entries");
        assertError(Map.of("func_evals", 1L, "n_iter", 0L, "d", Tensor.zeros(3)), "without \"old_dirs\"");
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(map);
        out.put(key, value);
        return out;
    }

    private static void assertError(Map<String, Object> map, String message) {
        assertThatThrownBy(() -> LbfgsStateMap.fromMap(map, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
