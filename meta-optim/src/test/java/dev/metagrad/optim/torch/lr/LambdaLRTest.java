package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.torch.lr.LrTesting.lrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaLRTest {
    /** A callable object with state, like a torch callable class whose {@code __dict__} is saved. */
    static final class Scaled implements LrLambda {
        double scale = 1.0;

        @Override
        public double applyAsDouble(int epoch) {
            return scale * epoch;
        }

        @Override
        public Map<String, Object> stateDict() {
            return new HashMap<>(Map.of("scale", scale));
        }

        @Override
        public void loadStateDict(Map<String, Object> state) {
            scale = ((Number) state.get("scale")).doubleValue();
        }
    }

    @Test
    void setsBaseLrTimesLambdaOfTheEpochPerGroup() {
        SGD opt = sgd(1.0, 0.5);
        LambdaLR s = new LambdaLR(opt, List.of(epoch -> epoch + 1, epoch -> Math.pow(0.5, epoch)));
        List<double[]> seen = new ArrayList<>();
        seen.add(lrs(opt));
        for (int k = 0; k < 2; k++) {
            opt.step();
            s.step();
            seen.add(lrs(opt));
        }
        assertThat(seen).containsExactly(new double[] {1.0, 0.5}, new double[] {2.0, 0.25}, new double[] {3.0, 0.125});
    }

    @Test
    void oneLambdaServesEveryGroupAndIsNotChainedOnTheCurrentLr() {
        SGD opt = sgd(1.0, 0.5);
        LambdaLR s = new LambdaLR(opt, epoch -> 0.1);
        assertThat(lrs(opt)).containsExactly(0.1, 0.05);
        opt.paramGroups().get(0).setLr(7.0);
        opt.step();
        s.step();
        assertThat(lrs(opt)).containsExactly(0.1, 0.05);
    }

    @Test
    void lambdaCountMustMatchTheGroups() {
        assertThatThrownBy(() -> new LambdaLR(sgd(0.1, 0.2), List.of(e -> 1.0, e -> 1.0, e -> 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Expected 2 lr_lambdas, but got 3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void plainLambdasAreStoredAsNullAndStatefulOnesWithTheirState() {
        Scaled stateful = new Scaled();
        stateful.scale = 2.0;
        LambdaLR s = new LambdaLR(sgd(1.0, 0.5), List.<LrLambda>of(e -> 1.0, stateful));
        Map<String, Object> state = s.stateDict();
        assertThat(state.keySet()).containsExactly("base_lrs", "last_epoch", "_step_count", "_is_initial",
                "_get_lr_called_within_step", "_last_lr", "lr_lambdas");
        assertThat((List<Object>) state.get("lr_lambdas")).containsExactly(null, Map.of("scale", 2.0));

        Scaled other = new Scaled();
        LambdaLR t = new LambdaLR(sgd(1.0, 0.5), List.<LrLambda>of(e -> 1.0, other));
        t.loadStateDict(LrTesting.throughJson(state));
        assertThat(other.scale).isEqualTo(2.0);
    }

    @Test
    void stateForAStatelessLambdaIsRejected() {
        LambdaLR s = new LambdaLR(sgd(1.0), e -> 1.0);
        Map<String, Object> state = s.stateDict();
        state.put("lr_lambdas", Arrays.asList(Map.of("scale", 2.0)));
        Map<String, Object> before = s.stateDict();
        state.put("last_epoch", 5L);
        assertThatThrownBy(() -> s.loadStateDict(state)).hasMessageContaining("that lr_lambda keeps none");
        assertThat(s.stateDict()).isEqualTo(before);
    }
}
