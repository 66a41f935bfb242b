package dev.metagrad.linearsolve;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GmresOptionsTest {
    @Test
    void defaultsAreJaxopts() {
        assertThat(GmresOptions.defaults()).isEqualTo(new GmresOptions(0.0, null, 1e-5, 0.0, OptionalInt.empty(), 20));
    }

    @Test
    void withersChangeOneSettingEach() {
        GmresOptions o = GmresOptions.defaults().withRidge(1).withInit(null).withRtol(1e-6).withAtol(1e-7).withMaxIter(9).withRestart(3);
        assertThat(o).isEqualTo(new GmresOptions(1, null, 1e-6, 1e-7, OptionalInt.of(9), 3));
    }

    @Test
    void thePreconditionerIsOffByDefaultAndSetByItsWither() {
        LinearOperator m = v -> v;
        assertThat(GmresOptions.defaults().preconditioner()).isNull();
        GmresOptions o = GmresOptions.defaults().withPreconditioner(m).withRestart(5).withRtol(1e-3);
        assertThat(o).isEqualTo(new GmresOptions(0.0, null, 1e-3, 0.0, OptionalInt.empty(), 5, m));
        assertThat(o.withPreconditioner(null).preconditioner()).isNull();
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> GmresOptions.defaults().withRestart(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GmresOptions: restart must be positive, got -1");
        assertThatThrownBy(() -> GmresOptions.defaults().withRidge(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ridge must be finite");
    }
}
