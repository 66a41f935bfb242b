package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.Transforms;
import dev.metagrad.optim.state.ChainState;
import dev.metagrad.optim.state.EmptyState;
import dev.metagrad.optim.state.ScaleByAdamState;
import dev.metagrad.optim.state.TraceState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainTest {
    private static final List<Tensor> PARAMS = List.of(Tensor.of(1.0, 2.0));

    @Test
    void keepsOneStatePerComponentInOrder() {
        GradientTransformation chain = Transforms.chain(Transforms.scale(2.0),
                Transforms.trace(0.5, 0.0, false), Transforms.scaleByAdam(0.9, 0.999, 1e-8, 0.0, false));
        OptState state = chain.init(PARAMS);
        assertThat(state).isInstanceOf(ChainState.class);
        List<OptState> states = ((ChainState) state).states();
        assertThat(states).hasSize(3);
        assertThat(states.get(0)).isEqualTo(EmptyState.INSTANCE);
        assertThat(states.get(1)).isInstanceOf(TraceState.class);
        assertThat(states.get(2)).isInstanceOf(ScaleByAdamState.class);
    }

    @Test
    void feedsEachOutputToTheNextComponentAndAdvancesEveryState() {
        GradientTransformation chain = Transforms.chain(Transforms.scale(2.0), Transforms.trace(0.5, 0.0, false));
        OptState state = chain.init(PARAMS);
        GradientTransformation.Update u1 = chain.update(List.of(Tensor.of(1.0, -1.0)), state, PARAMS);
        GradientTransformation.Update u2 = chain.update(List.of(Tensor.of(1.0, -1.0)), u1.state(), PARAMS);
        // trace of 2g: buf1 = 2g, buf2 = 0.5·2g + 2g
        assertThat(((List<Tensor>) u1.updates()).get(0).toDoubleArray()).containsExactly(2.0, -2.0);
        assertThat(((List<Tensor>) u2.updates()).get(0).toDoubleArray()).containsExactly(3.0, -3.0);
        TraceState trace = (TraceState) ((ChainState) u2.state()).states().get(1);
        assertThat(((List<Tensor>) trace.trace()).get(0).toDoubleArray()).containsExactly(3.0, -3.0);
        // the old state is untouched
        TraceState old = (TraceState) ((ChainState) u1.state()).states().get(1);
        assertThat(((List<Tensor>) old.trace()).get(0).toDoubleArray()).containsExactly(2.0, -2.0);
    }

    @Test
    void rejectsAForeignOrMismatchedState() {
        GradientTransformation chain = Transforms.chain(Transforms.scale(2.0));
        assertThatThrownBy(() -> chain.update(PARAMS, EmptyState.INSTANCE, PARAMS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ChainState");
        assertThatThrownBy(() -> chain.update(PARAMS, new ChainState(List.of()), PARAMS))
                .hasMessageContaining("0 component states");
    }

    @Test
    void emptyChainIsTheIdentity() {
        GradientTransformation chain = Transforms.chain();
        assertThat(chain.update(PARAMS, chain.init(PARAMS), PARAMS).updates()).isSameAs(PARAMS);
    }
}
