package dev.metagrad.autograd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GradModeTest {
    @Test
    void noGradScopeStopsRecordingAndRestoresOnClose() {
        Tensor x = Tensor.of(1.0, 2.0).requiresGrad(true);
        try (GradMode.Scope scope = GradMode.noGrad()) {
            assertThat(GradMode.isEnabled()).isFalse();
            assertThat(x.mul(2.0).requiresGrad()).isFalse();
            try (GradMode.Scope inner = GradMode.enableGrad()) {
                assertThat(x.mul(2.0).requiresGrad()).isTrue();
            }
            assertThat(GradMode.isEnabled()).isFalse();
        }
        assertThat(GradMode.isEnabled()).isTrue();
        assertThat(x.mul(2.0).requiresGrad()).isTrue();
    }
}
