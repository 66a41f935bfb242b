package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CgOptionsTest {
    @Test
    void defaultsAreTorchOpts() {
        assertThat(CgOptions.defaults()).isEqualTo(new CgOptions(null, 1e-5, 0.0, OptionalInt.empty(), null));
    }

    @Test
    void withersChangeOneSettingEach() {
        Tensor x0 = Tensor.zeros(2);
        LinearOperator m = v -> v;
        CgOptions o = CgOptions.defaults().withX0(x0).withRtol(0.0).withAtol(0.1).withMaxIter(3).withPreconditioner(m);
        assertThat(o).isEqualTo(new CgOptions(x0, 0.0, 0.1, OptionalInt.of(3), m));
    }

    @Test
    void zeroIterationsIsAValidLimit() {
        // TorchOpt's cg(maxiter=0) runs no iteration and returns x0
        assertThat(CgOptions.defaults().withMaxIter(0).maxIter()).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> CgOptions.defaults().withAtol(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CgOptions: atol must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> CgOptions.defaults().withMaxIter(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CgOptions: maxIter must be >= 0, got -1");
    }
}
