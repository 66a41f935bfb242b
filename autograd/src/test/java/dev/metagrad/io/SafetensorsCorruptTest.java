package dev.metagrad.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.metagrad.io.SafetensorsHandBuiltTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a file can lie about itself is refused with a message naming the tensor and the problem. */
class SafetensorsCorruptTest {
    /** A valid two-tensor file: 'a' F64 [2] at [0, 16), 'b' F32 [2] at [16, 24). */
    private static final String GOOD = "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]}}";

    private static byte[] withHeader(String header, int dataBytes) {
        return file(header, dataBytes, buf -> buf.put(new byte[dataBytes]));
    }

    private static String failure(byte[] bytes) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Safetensors.load(bytes));
        assertThat(t).isInstanceOf(SafetensorsFormatException.class).isInstanceOf(IOException.class);
        return t.getMessage();
    }

    @Test
    void theGoodFileLoads() throws IOException {
        assertThat(Safetensors.load(withHeader(GOOD, 24)).tensors()).containsOnlyKeys("a", "b");
    }

    @Test
    void truncatedFiles() {
        byte[] good = withHeader(GOOD, 24);
        assertThat(failure(Arrays.copyOf(good, good.length - 1)))
                .contains("tensor 'b'").contains("run past the end of the data section (23 bytes)");
        assertThat(failure(Arrays.copyOf(good, 20))).contains("header length " + GOOD.length()).contains("runs past the end");
        assertThat(failure(Arrays.copyOf(good, 5))).contains("5 bytes is too short for the 8-byte header length");
        assertThat(failure(new byte[0])).contains("0 bytes");
    }

    @Test
    void headerLengthLies() {
        byte[] good = withHeader(GOOD, 24);
        byte[] tooLong = good.clone();
        ByteBuffer.wrap(tooLong).order(ByteOrder.LITTLE_ENDIAN).putLong(0, good.length);
        assertThat(failure(tooLong)).contains("header length " + good.length + " runs past the end of the " + good.length + "-byte file");
        byte[] absurd = good.clone();
        ByteBuffer.wrap(absurd).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 200_000_000L);
        assertThat(failure(absurd)).contains("header length 200000000 exceeds the 100000000-byte limit");
        byte[] huge = good.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L);
        assertThat(failure(huge)).contains("header length 18446744073709551615 exceeds");
        byte[] tooShort = good.clone();
        ByteBuffer.wrap(tooShort).order(ByteOrder.LITTLE_ENDIAN).putLong(0, GOOD.length() - 3);
        assertThat(failure(tooShort)).contains("not valid JSON");
    }

    @Test
    void badJsonAndBadText() {
        assertThat(failure(withHeader("{\"a\": {\"dtype\": \"F64\",", 0))).contains("not valid JSON").contains("end of input");
        assertThat(failure(withHeader("[1, 2]", 0))).contains("must be a JSON object, got array");
        assertThat(failure(withHeader("", 0))).contains("not valid JSON");
        byte[] latin1 = withHeader("{\"caf?\":{}}", 0);
        latin1[8 + 5] = (byte) 0xE9; // é in Latin-1: a UTF-8 lead byte with no continuation
        assertThat(failure(latin1)).contains("not valid UTF-8");
    }

    @Test
    void missingAndMistypedFields() {
        assertThat(failure(withHeader("{\"a\":{\"shape\":[2],\"data_offsets\":[0,16]}}", 16)))
                .contains("tensor 'a': missing field \"dtype\"");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"data_offsets\":[0,16]}}", 16)))
                .contains("tensor 'a': missing field \"shape\"");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[2]}}", 16)))
                .contains("tensor 'a': missing field \"data_offsets\"");
        assertThat(failure(withHeader("{\"a\":[1]}", 0))).contains("tensor 'a': expected an object");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":64,\"shape\":[2],\"data_offsets\":[0,16]}}", 16)))
                .contains("tensor 'a': dtype must be a string, got number 64");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[-2],\"data_offsets\":[0,16]}}", 16)))
                .contains("tensor 'a': shape[0] must be an integer");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[1.5],\"data_offsets\":[0,16]}}", 16)))
                .contains("tensor 'a': shape[0] must be an integer").contains("1.5");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":2,\"data_offsets\":[0,16]}}", 16)))
                .contains("tensor 'a': shape must be an array");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,8,16]}}", 16)))
                .contains("tensor 'a': data_offsets must be an array [begin, end], got array of 3");
        assertThat(failure(withHeader("{\"__metadata__\":{\"epoch\":3}}", 0)))
                .contains("\"__metadata__\" entry 'epoch' must be a string, got number 3");
        assertThat(failure(withHeader("{\"__metadata__\":[]}", 0))).contains("\"__metadata__\" must be an object");
    }

    @Test
    void offsetsThatLie() {
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[-8,16]}}", 16)))
                .contains("tensor 'a': data_offsets[0] must be an integer");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[0],\"data_offsets\":[16,0]}}", 16)))
                .contains("tensor 'a': data_offsets [16, 0] end before they begin");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,1e30]}}", 16)))
                .contains("tensor 'a': data_offsets[1] must be an integer");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[8,24]}}", 16)))
                .contains("tensor 'a': data_offsets [8, 24] run past the end of the data section (16 bytes)");
    }

    @Test
    void dtypeAndShapeThatDisagreeWithTheSize() {
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[3],\"data_offsets\":[0,16]}}", 16)))
                .contains("tensor 'a': data_offsets [0, 16] span 16 bytes but F64 [3] needs 24");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,8]}}", 8)))
                .contains("tensor 'a'").contains("F32 [2, 2] needs 16");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[65536,65536],\"data_offsets\":[0,8]}}", 8)))
                .contains("tensor 'a': shape").contains("more than a metagrad tensor holds");
    }

    @Test
    void overlapsHolesAndTrailingBytes() {
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[8,24]}}", 24)))
                .contains("tensors 'a' F64 [2] at [0, 16) and 'b' F64 [2] at [8, 24) overlap");
        // the same range twice is an overlap too: two names for one set of bytes
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}", 16)))
                .contains("overlap");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[24,40]}}", 40)))
                .contains("data bytes [16, 24) belong to no tensor").contains("after 'a'").contains("before 'b'");
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[8,24]}}", 24)))
                .contains("data bytes [0, 8) belong to no tensor (a hole at the start");
        assertThat(failure(withHeader(GOOD, 32)))
                .contains("the last 8 data bytes, [24, 32), belong to no tensor (after 'b'");
        assertThat(failure(withHeader("{}", 4))).contains("the last 4 data bytes");
    }

    @Test
    void duplicateNames() {
        assertThat(failure(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}", 16)))
                .contains("duplicate key \"a\"");
    }

    @Test
    void unknownAndUnsupportedDtypes() {
        assertThat(failure(withHeader("{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4)))
                .contains("tensor 'h' has dtype F16; metagrad reads only F64, F32, I64 and BOOL");
        assertThat(failure(withHeader("{\"h\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4)))
                .contains("tensor 'h' has dtype BF16");
        assertThat(failure(withHeader("{\"h\":{\"dtype\":\"float64\",\"shape\":[2],\"data_offsets\":[0,16]}}", 16)))
                .contains("tensor 'h': unknown dtype \"float64\"");
    }

    @Test
    void theWholeHeaderIsCheckedBeforeAnyTensorIsDecoded() {
        // 'a' is fine and comes first, but 'b' is broken: nothing may be returned
        String header = "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[8,10]}}";
        assertThat(failure(withHeader(header, 10))).contains("tensor 'b'");
    }

    @Test
    void fileMessagesNameTheFile(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("broken.safetensors");
        byte[] good = withHeader(GOOD, 24);
        Files.write(path, Arrays.copyOf(good, good.length - 8));
        assertThatThrownBy(() -> Safetensors.load(path))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessageStartingWith(path + ": tensor 'b'");
    }
}
