package dev.metagrad.autograd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceTest {
    @Test
    void printsLikeTorch() {
        assertThat(Device.CPU).hasToString("cpu");
        assertThat(Device.cuda(1)).hasToString("cuda:1");
    }

    @Test
    void devicesAreValues() {
        assertThat(Device.cuda(0)).isEqualTo(new Device("cuda", 0)).isNotEqualTo(Device.cuda(1));
        assertThat(new Device("cpu", 0)).isEqualTo(Device.CPU);
    }

    @Test
    void rejectsANegativeIndexAndANullType() {
        assertThatThrownBy(() -> Device.cuda(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("Device", "index", "-1");
        assertThatThrownBy(() -> new Device(null, 0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void tensorsAreCreatedOnTheCpu() {
        assertThat(Tensor.zeros(2).device()).isEqualTo(Device.CPU);
    }
}
