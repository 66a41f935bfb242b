package dev.metagrad.io;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.TreeDef;
import dev.metagrad.tree.TreeMath;
import dev.metagrad.tree.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetensorsTest {
    private static long[] bits(Tensor t) {
        double[] d = t.toDoubleArray();
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = Double.doubleToRawLongBits(d[i]);
        }
        return b;
    }

    private static Map<String, Tensor> stateDict() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("encoder.weight", Tensor.of(new double[] {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, Math.PI, -1e-300, 1.0 / 3}, 2, 5));
        m.put("encoder.mask", Tensor.ofBooleans(new boolean[] {true, false, true}, 3));
        m.put("encoder.bias", Tensor.ofFloats(new float[] {1.5f, -0.0f, Float.NaN, Float.MIN_VALUE, 1e30f}, 5));
        m.put("steps", Tensor.ofLongs(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, 2, 2));
        m.put("scale", Tensor.scalar(0.125));
        m.put("empty", Tensor.zeros(0, 3));
        return m;
    }

    /** Compares raw bits; plain array equality, since AssertJ's element diff is quadratic on large arrays. */
    private static void assertSameTensors(Map<String, Tensor> actual, Map<String, Tensor> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, want) -> {
            Tensor got = actual.get(name);
            assertThat(got.dtype()).as(name).isEqualTo(want.dtype());
            assertThat(got.shape()).as(name).containsExactly(want.shape());
            long[] g = want.dtype() == DType.INT64 ? got.toLongArray() : bits(got);
            long[] w = want.dtype() == DType.INT64 ? want.toLongArray() : bits(want);
            assertThat(firstDifference(g, w)).as(name + ": first differing element").isEqualTo(-1);
        });
    }

    private static int firstDifference(long[] a, long[] b) {
        return java.util.Arrays.mismatch(a, b);
    }

    @Test
    void roundTripKeepsEveryBitOrderAndMetadata(@TempDir Path dir) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("note", "ünïcode \"quoted\"\n");
        Path file = dir.resolve("model.safetensors");
        Safetensors.save(stateDict(), metadata, file);
        SafetensorsFile loaded = Safetensors.load(file);
        assertSameTensors(loaded.tensors(), stateDict());
        assertThat(loaded.metadata()).containsExactlyEntriesOf(metadata);
        assertThat(Files.readAllBytes(file)).isEqualTo(Safetensors.toBytes(stateDict(), metadata));
        assertThat(dir.toFile().list()).containsExactly("model.safetensors"); // no temporary left behind
    }

    @Test
    void byteArrayRoundTrip() throws IOException {
        SafetensorsFile loaded = Safetensors.load(Safetensors.toBytes(stateDict()));
        assertSameTensors(loaded.tensors(), stateDict());
        assertThat(loaded.metadata()).isEmpty();
        assertThatThrownBy(() -> loaded.tensors().put("x", Tensor.scalar(1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void emptyStateDictsAndLoadedTensorsAreFreshLeaves() throws IOException {
        SafetensorsFile none = Safetensors.load(Safetensors.toBytes(Map.of()));
        assertThat(none.tensors()).isEmpty();
        Tensor p = Tensor.of(1.0, 2.0).requiresGrad(true);
        Tensor loaded = Safetensors.load(Safetensors.toBytes(Map.of("p", p.mul(3.0)))).tensors().get("p");
        assertThat(loaded.requiresGrad()).isFalse();
        assertThat(loaded.toDoubleArray()).containsExactly(3, 6);
    }

    @Test
    void savingReplacesAnExistingFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("w.safetensors");
        Safetensors.save(Map.of("a", Tensor.ones(100)), file);
        Safetensors.save(Map.of("b", Tensor.of(7.0)), file);
        assertThat(Safetensors.load(file).tensors().keySet()).containsExactly("b");
    }

    @Test
    void theWrittenLayoutIsAlignedAndExactlyAsSpecified() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("flag", Tensor.ofBooleans(new boolean[] {true}, 1));
        m.put("half", Tensor.ofFloats(new float[] {0.5f}, 1));
        m.put("w", Tensor.of(1.0, -2.0));
        byte[] bytes = Safetensors.toBytes(m, Map.of("k", "v"));
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
        assertThat(n % 8).isZero();
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        // header in map order; data by element size, largest first, so every element is aligned
        assertThat(header.stripTrailing()).isEqualTo("{\"__metadata__\":{\"k\":\"v\"},"
                + "\"flag\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[20,21]},"
                + "\"half\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]},"
                + "\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}");
        assertThat(header).matches("[^ ]*} *");
        int data = 8 + (int) n;
        assertThat(bytes).hasSize(data + 21);
        assertThat(buf.getDouble(data)).isEqualTo(1.0);
        assertThat(buf.getDouble(data + 8)).isEqualTo(-2.0);
        assertThat(buf.getFloat(data + 16)).isEqualTo(0.5f);
        assertThat(bytes[data + 20]).isEqualTo((byte) 1);
    }

    @Test
    void largeTensorsStreamThroughTheScratchBuffer(@TempDir Path dir) throws IOException {
        // three chunks and a bit for each element size
        int n = TensorData.CHUNK_BYTES / 8 * 3 + 5;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = i * 0.5 - 7;
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("f64", Tensor.of(d, n));
        m.put("f32", Tensor.of(d, DType.FLOAT32, n));
        long[] l = new long[n];
        boolean[] b = new boolean[TensorData.CHUNK_BYTES * 2 + 3];
        for (int i = 0; i < n; i++) {
            l[i] = (long) i * 1_000_003L;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = i % 3 == 0;
        }
        m.put("i64", Tensor.ofLongs(l, n));
        m.put("bool", Tensor.ofBooleans(b, b.length));
        Path file = dir.resolve("big.safetensors");
        Safetensors.save(m, file);
        assertSameTensors(Safetensors.load(file).tensors(), m);
    }

    @Test
    void savingRefusesWhatTheFormatCannotHold() {
        Map<String, Tensor> reserved = Map.of("__metadata__", Tensor.scalar(1));
        assertThatThrownBy(() -> Safetensors.toBytes(reserved)).hasMessageContaining("reserved");
        Map<String, Tensor> withNull = new LinkedHashMap<>();
        withNull.put("w", null);
        assertThatThrownBy(() -> Safetensors.toBytes(withNull)).hasMessageContaining("tensor 'w' is null");
        Map<String, String> nullMeta = new LinkedHashMap<>();
        nullMeta.put("k", null);
        assertThatThrownBy(() -> Safetensors.toBytes(Map.of(), nullMeta)).hasMessageContaining("holds a null");
    }

    @Test
    void aTreeSavedByDottedNamesComesBackIntoItsStructure() throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("step", Tensor.scalar(3));
        state.put("mu", Map.of("encoder.weight", Tensor.ones(2, 2)));
        state.put("layers", List.of(Tensor.of(1, 2), Tensor.of(3.0)));
        Map<String, Tensor> named = Trees.namedLeaves(state);
        assertThat(named.keySet()).containsExactly("step", "mu.encoder.weight", "layers.0", "layers.1");
        SafetensorsFile loaded = Safetensors.load(Safetensors.toBytes(named));
        TreeDef def = Trees.structure(state);
        Map<String, Object> back = def.unflatten(new ArrayList<>(loaded.tensors().values()));
        assertThat(Trees.structure(back)).isEqualTo(def);
        assertThat(TreeMath.norm(TreeMath.sub(back, state)).item()).isZero();
    }
}
