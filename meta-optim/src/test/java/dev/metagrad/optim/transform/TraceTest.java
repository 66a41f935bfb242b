package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceTest {
    private static final List<Tensor> G = List.of(Tensor.of(1.0));

    private static double step(GradientTransformation t, OptState[] state) {
        GradientTransformation.Update u = t.update(G, state[0], null);
        state[0] = u.state();
        return ((List<Tensor>) u.updates()).get(0).item();
    }

    @Test
    void firstStepHasNoDampeningFactor() {
        Trace t = new Trace(0.9, 0.5, false, false);
        OptState[] s = {t.init(G)};
        assertThat(step(t, s)).isEqualTo(1.0);
        assertThat(step(t, s)).isEqualTo(0.9 + 0.5);
    }

    @Test
    void nesterovAddsMomentumTimesBuffer() {
        Trace t = new Trace(0.5, 0.0, true, false);
        OptState[] s = {t.init(G)};
        assertThat(step(t, s)).isEqualTo(1.0 + 0.5);
        assertThat(step(t, s)).isEqualTo(1.0 + 0.5 * 1.5);
    }

    @Test
    void firstCallFlagLivesInTheObjectAsInTorchOpt() {
        Trace t = new Trace(0.9, 0.5, false, false);
        OptState[] s = {t.init(G)};
        step(t, s);
        OptState[] again = {t.init(G)};
        assertThat(step(t, again)).isEqualTo(0.5); // momentum·0 + (1 − dampening)·g
    }

    @Test
    void momentRequiresGradMakesTheBufferRequireGrad() {
        TraceStateProbe.check(new Trace(0.9, 0.0, false, true).init(G));
    }

    @Test
    void rejectsNesterovWithDampening() {
        assertThatThrownBy(() -> new Trace(0.9, 0.1, true, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dampening");
    }

    private static final class TraceStateProbe {
        static void check(OptState state) {
            List<Tensor> buf = (List<Tensor>) ((dev.metagrad.optim.state.TraceState) state).trace();
            assertThat(buf.get(0).requiresGrad()).isTrue();
        }
    }
}
