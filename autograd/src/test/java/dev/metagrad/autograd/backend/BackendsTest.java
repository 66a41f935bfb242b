package dev.metagrad.autograd.backend;

import dev.metagrad.autograd.Device;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackendsTest {
    @Test
    void theCpuIsServedByThePureJavaBackendWithoutProviders() {
        assertThat(Backends.forDevice(Device.CPU)).isSameAs(CpuBackend.INSTANCE);
    }

    @Test
    void aDeviceWithoutABackendIsReportedByName() {
        assertThatThrownBy(() -> Backends.forDevice(Device.cuda(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("no backend", "cuda:0", "metagrad-native");
    }
}
