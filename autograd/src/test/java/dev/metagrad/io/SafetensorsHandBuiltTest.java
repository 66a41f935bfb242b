package dev.metagrad.io;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files assembled byte by byte from the published description of the format, independently of the
 * writer: an 8-byte little-endian header length, the JSON header, then little-endian row-major data.
 */
class SafetensorsHandBuiltTest {
    /** 8-byte length, header, then the data that {@code fill} writes into the remaining {@code dataBytes}. */
    static byte[] file(String header, int dataBytes, java.util.function.Consumer<ByteBuffer> fill) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(json.length);
        buf.put(json);
        fill.accept(buf);
        assertThat(buf.remaining()).as("test data fills the file exactly").isZero();
        return buf.array();
    }

    @Test
    void readsAHandBuiltFloat64FileWithDataOutOfHeaderOrderAndPadding(@TempDir Path dir) throws IOException {
        // header order b, a; data order a, b; metadata last; trailing spaces, as writers pad the header
        String header = "{\"b\": {\"dtype\": \"F64\", \"shape\": [2, 2], \"data_offsets\": [16, 48]},"
                + " \"a\": {\"dtype\": \"F64\", \"shape\": [2], \"data_offsets\": [0, 16]},"
                + " \"__metadata__\": {\"format\": \"pt\"}}    ";
        byte[] bytes = file(header, 48, buf -> {
            buf.putDouble(-0.0).putDouble(Double.NaN);                    // a
            buf.putDouble(1.5).putDouble(-2.25).putDouble(1e300).putDouble(Double.NEGATIVE_INFINITY); // b
        });
        Path path = dir.resolve("hand.safetensors");
        Files.write(path, bytes);
        SafetensorsFile loaded = Safetensors.load(path);
        assertThat(loaded.tensors().keySet()).containsExactly("b", "a");
        assertThat(loaded.metadata()).containsExactly(java.util.Map.entry("format", "pt"));
        Tensor a = loaded.tensors().get("a");
        Tensor b = loaded.tensors().get("b");
        assertThat(a.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Double.doubleToRawLongBits(a.toDoubleArray()[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(a.toDoubleArray()[1]).isNaN();
        assertThat(b.shape()).containsExactly(2, 2);
        assertThat(b.toDoubleArray2d()).isEqualTo(new double[][] {{1.5, -2.25}, {1e300, Double.NEGATIVE_INFINITY}});
    }

    @Test
    void readsHandBuiltFloat32Int64BoolScalarAndEmptyTensors() throws IOException {
        String header = "{\"ids\":{\"dtype\":\"I64\",\"shape\":[3],\"data_offsets\":[0,24]},"
                + "\"t\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[24,32]},"
                + "\"x\":{\"dtype\":\"F32\",\"shape\":[1,3],\"data_offsets\":[32,44]},"
                + "\"none\":{\"dtype\":\"F32\",\"shape\":[0,4],\"data_offsets\":[44,44]},"
                + "\"m\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[44,46]}}";
        byte[] bytes = file(header, 46, buf -> {
            buf.putLong(-3).putLong(0).putLong(1L << 40);
            buf.putDouble(0.5);
            buf.putFloat(0.1f).putFloat(-7f).putFloat(Float.POSITIVE_INFINITY);
            buf.put((byte) 1).put((byte) 0);
        });
        SafetensorsFile loaded = Safetensors.load(bytes);
        assertThat(loaded.tensors().keySet()).containsExactly("ids", "t", "x", "none", "m");
        assertThat(loaded.metadata()).isEmpty();
        Tensor ids = loaded.tensors().get("ids");
        assertThat(ids.dtype()).isEqualTo(DType.INT64);
        assertThat(ids.toLongArray()).containsExactly(-3, 0, 1L << 40);
        Tensor t = loaded.tensors().get("t");
        assertThat(t.dim()).isZero();
        assertThat(t.item()).isEqualTo(0.5);
        Tensor x = loaded.tensors().get("x");
        assertThat(x.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(x.shape()).containsExactly(1, 3);
        assertThat(x.toFloatArray()).containsExactly(0.1f, -7f, Float.POSITIVE_INFINITY);
        Tensor none = loaded.tensors().get("none");
        assertThat(none.shape()).containsExactly(0, 4);
        assertThat(none.numel()).isZero();
        Tensor m = loaded.tensors().get("m");
        assertThat(m.dtype()).isEqualTo(DType.BOOL);
        assertThat(m.toDoubleArray()).containsExactly(1, 0);
    }

    @Test
    void writerOutputMatchesAHandBuiltFile() {
        String header = "{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}";
        String padded = header + " ".repeat((8 - header.length() % 8) % 8);
        byte[] expected = file(padded, 16, buf -> buf.putDouble(3.0).putDouble(-0.5));
        assertThat(Safetensors.toBytes(java.util.Map.of("w", Tensor.of(3.0, -0.5)))).isEqualTo(expected);
    }
}
