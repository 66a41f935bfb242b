package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SolverOptionsTest {
    @Test
    void defaultsAreTorchOpts() {
        assertThat(SolverOptions.defaults()).isEqualTo(new SolverOptions(0.0, null, 1e-5, 0.0, OptionalInt.empty()));
    }

    @Test
    void withersChangeOneSettingEach() {
        Tensor init = Tensor.zeros(2);
        SolverOptions o = SolverOptions.defaults().withRidge(0.5).withInit(init).withRtol(1e-3).withAtol(1e-4).withMaxIter(7);
        assertThat(o).isEqualTo(new SolverOptions(0.5, init, 1e-3, 1e-4, OptionalInt.of(7)));
        assertThat(o.toCg()).isEqualTo(new CgOptions(init, 1e-3, 1e-4, OptionalInt.of(7), null));
    }

    @Test
    void thePreconditionerIsKeptByEveryWitherAndHandedToCg() {
        LinearOperator m = v -> v;
        SolverOptions o = SolverOptions.defaults().withPreconditioner(m).withRidge(0.5).withInit(null).withRtol(1e-3)
                .withAtol(1e-4).withMaxIter(0);
        assertThat(o.preconditioner()).isSameAs(m);
        assertThat(o.toCg()).isEqualTo(new CgOptions(null, 1e-3, 1e-4, OptionalInt.of(0), m));
        assertThat(new SolverOptions(0.0, null, 1e-5, 0.0, OptionalInt.empty()).preconditioner()).isNull();
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> SolverOptions.defaults().withRtol(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SolverOptions: rtol must be a finite number >= 0");
        assertThatThrownBy(() -> new SolverOptions(0, null, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OptionalInt.empty()");
    }
}
