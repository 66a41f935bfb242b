package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.testing.StubDevice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksTest {
    @Test
    void sameKindAcceptsMatchingOperands() {
        assertThatCode(() -> Checks.sameKind("op", Tensor.zeros(2), Tensor.zeros(3, 3))).doesNotThrowAnyException();
    }

    @Test
    void sameKindNamesBothDtypesAndShapes() {
        assertThatThrownBy(() -> Checks.sameKind("myop", Tensor.zeros(2), Tensor.zeros(DType.FLOAT32, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("myop", "dtype mismatch", "float64 [2]", "float32 [3]", "to(DType)");
    }

    @Test
    void operandsOnDifferentDevicesAreRejectedNamingBothDevices() {
        // a storage that only claims to be on cuda:0; the check runs before any kernel would
        Tensor remote = StubDevice.tensor(DType.FLOAT64, 2);
        assertThat(remote.device().toString()).isEqualTo("cuda:0");
        assertThatThrownBy(() -> Arithmetic.add(Tensor.zeros(2), remote))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("add", "different devices", "cpu [2]", "cuda:0 [2]");
    }

    @Test
    void anIndexOnAnotherDeviceIsRejected() {
        Tensor remoteIndex = StubDevice.tensor(DType.INT64, 2, 1);
        assertThatThrownBy(() -> Indexing.gather(Tensor.zeros(2, 2), 1, remoteIndex))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("gather", "index", "cuda:0", "cpu");
    }

    @Test
    void broadcastReturnsTheBroadcastShape() {
        assertThat(Checks.broadcast("op", Tensor.zeros(2, 1), Tensor.zeros(3))).containsExactly(2, 3);
    }

    @Test
    void floatingRejectsIntegerAndBoolTensors() {
        assertThatCode(() -> Checks.floating("op", Tensor.zeros(DType.FLOAT32, 1))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Checks.floating("op", Tensor.zeros(DType.INT64, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("op", "float64 or float32", "int64 [2]");
        assertThatThrownBy(() -> Checks.floating("op", Tensor.zeros(DType.BOOL, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bool");
    }

    @Test
    void indexNamesTheFirstNaN() {
        Tensor idx = Tensor.of(1, Double.NaN, Double.NaN);
        assertThatThrownBy(() -> Checks.index("op", "idx", idx, Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("op", "idx", "[3]", "NaN", "flat position 1");
    }

    @Test
    void indexRejectsBoolAndAcceptsInt64() {
        assertThatThrownBy(() -> Checks.index("op", "idx", Tensor.zeros(DType.BOOL, 1), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("op", "idx", "int64", "bool");
        assertThatCode(() -> Checks.index("op", "idx", Tensor.zeros(DType.INT64, 1), Tensor.zeros(3)))
                .doesNotThrowAnyException();
    }

    @Test
    void rankNamesTheArgumentAndShape() {
        assertThatThrownBy(() -> Checks.rank("op", "weight", Tensor.zeros(2, 2, 2), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("op", "weight", "2-D", "[2, 2, 2]");
    }

    @Test
    void argumentThrowsOnlyWhenTheConditionFails() {
        assertThatCode(() -> Checks.argument("op", true, "never")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Checks.argument("op", false, "x must be odd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("op: x must be odd");
    }
}
