package dev.metagrad.io;

import dev.metagrad.autograd.Shape;
import dev.metagrad.json.Json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of a safetensors file: one {@link TensorEntry} per tensor, in header order, and the
 * optional string-to-string {@code "__metadata__"}.
 *
 * <p>{@link #parse} is where a file is judged. It checks everything the data section depends on before
 * a single tensor is decoded: field presence and types, known dtypes, each range's length against
 * {@code numel * itemsize}, and that the ranges tile the data section exactly, with no overlap, hole or
 * trailing byte (the format requires full coverage, which is what rules out smuggled bytes).
 */
record SafetensorsHeader(List<TensorEntry> entries, Map<String, String> metadata) {
    /** The key under which the header holds its metadata instead of a tensor. */
    static final String METADATA_KEY = "__metadata__";

    /** JSON numbers are doubles; integers above 2^53 cannot be told apart, so no offset may exceed it. */
    private static final double MAX_EXACT_INTEGER = 9007199254740992.0;

    /**
     * Checks and decodes a header.
     *
     * @param source   the file or input, for messages
     * @param json     the header bytes, trailing space padding included
     * @param dataSize the number of bytes after the header
     * @throws SafetensorsFormatException naming the tensor and the problem
     */
    static SafetensorsHeader parse(String source, byte[] json, long dataSize) throws SafetensorsFormatException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsFormatException(source + ": the header is not valid UTF-8", e);
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.JsonException e) {
            // duplicate tensor names land here too: the parser names the repeated key
            throw new SafetensorsFormatException(source + ": the header is not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> top)) {
            throw new SafetensorsFormatException(source + ": the header must be a JSON object, got " + Json.describe(parsed));
        }
        List<TensorEntry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(METADATA_KEY)) {
                metadata = metadata(source, e.getValue());
            } else {
                entries.add(entry(source, name, e.getValue(), dataSize));
            }
        }
        checkCoverage(source, entries, dataSize);
        return new SafetensorsHeader(List.copyOf(entries), Collections.unmodifiableMap(metadata));
    }

    private static Map<String, String> metadata(String source, Object value) throws SafetensorsFormatException {
        if (!(value instanceof Map<?, ?> map)) {
            throw new SafetensorsFormatException(source + ": \"" + METADATA_KEY + "\" must be an object of strings, got "
                    + Json.describe(value));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new SafetensorsFormatException(source + ": \"" + METADATA_KEY + "\" entry '" + e.getKey()
                        + "' must be a string, got " + Json.describe(e.getValue()));
            }
            metadata.put((String) e.getKey(), s);
        }
        return metadata;
    }

    private static TensorEntry entry(String source, String name, Object value, long dataSize)
            throws SafetensorsFormatException {
        String where = source + ": tensor '" + name + "'";
        if (!(value instanceof Map<?, ?> fields)) {
            throw new SafetensorsFormatException(where + ": expected an object with dtype, shape and data_offsets, got "
                    + Json.describe(value));
        }
        ElementType type = elementType(where, field(where, fields, "dtype"));
        int[] shape = shape(where, field(where, fields, "shape"));
        Object offsets = field(where, fields, "data_offsets");
        if (!(offsets instanceof List<?> pair) || pair.size() != 2) {
            throw new SafetensorsFormatException(where + ": data_offsets must be an array [begin, end], got "
                    + describeValue(offsets));
        }
        long begin = nonNegativeInteger(where, "data_offsets[0]", pair.get(0), MAX_EXACT_INTEGER);
        long end = nonNegativeInteger(where, "data_offsets[1]", pair.get(1), MAX_EXACT_INTEGER);
        if (end < begin) {
            throw new SafetensorsFormatException(where + ": data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        if (end > dataSize) {
            throw new SafetensorsFormatException(where + ": data_offsets [" + begin + ", " + end + "] run past the end of "
                    + "the data section (" + dataSize + " bytes); the file is truncated or the offsets are wrong");
        }
        TensorEntry entry = new TensorEntry(name, type, shape, begin, end);
        long needed = (long) entry.numel() * type.size();
        if (entry.byteLength() != needed) {
            throw new SafetensorsFormatException(where + ": data_offsets [" + begin + ", " + end + "] span "
                    + entry.byteLength() + " bytes but " + type.headerName() + " " + Shape.str(shape) + " needs " + needed);
        }
        return entry;
    }

    private static Object field(String where, Map<?, ?> fields, String key) throws SafetensorsFormatException {
        if (!fields.containsKey(key)) {
            throw new SafetensorsFormatException(where + ": missing field \"" + key + "\"");
        }
        return fields.get(key);
    }

    private static ElementType elementType(String where, Object value) throws SafetensorsFormatException {
        if (!(value instanceof String name)) {
            throw new SafetensorsFormatException(where + ": dtype must be a string, got " + Json.describe(value));
        }
        ElementType type = ElementType.forHeaderName(name);
        if (type == null) {
            String supported = "metagrad reads only F64, F32, I64 and BOOL";
            throw new SafetensorsFormatException(ElementType.OTHER_FORMAT_NAMES.contains(name)
                    ? where + " has dtype " + name + "; " + supported + " (convert it before saving)"
                    : where + ": unknown dtype \"" + name + "\"; " + supported);
        }
        return type;
    }

    private static int[] shape(String where, Object value) throws SafetensorsFormatException {
        if (!(value instanceof List<?> dims)) {
            throw new SafetensorsFormatException(where + ": shape must be an array of sizes, got " + Json.describe(value));
        }
        int[] shape = new int[dims.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (int) nonNegativeInteger(where, "shape[" + i + "]", dims.get(i), Integer.MAX_VALUE);
            numel *= shape[i];
            if (numel > Integer.MAX_VALUE) {
                throw new SafetensorsFormatException(where + ": shape " + dims + " has more than " + Integer.MAX_VALUE
                        + " elements, more than a metagrad tensor holds");
            }
        }
        return shape;
    }

    private static long nonNegativeInteger(String where, String what, Object value, double max)
            throws SafetensorsFormatException {
        if (value instanceof Double d && d >= 0 && d <= max && d == Math.rint(d)) {
            return d.longValue();
        }
        throw new SafetensorsFormatException(where + ": " + what + " must be an integer in [0, " + (long) max + "], got "
                + describeValue(value));
    }

    private static String describeValue(Object value) {
        return value instanceof List<?> list ? "array of " + list.size() : Json.describe(value);
    }

    /** The ranges, in offset order, must tile {@code [0, dataSize)} exactly. */
    private static void checkCoverage(String source, List<TensorEntry> entries, long dataSize)
            throws SafetensorsFormatException {
        List<TensorEntry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long covered = 0;
        TensorEntry previous = null;
        for (TensorEntry e : byOffset) {
            if (e.begin() < covered) {
                throw new SafetensorsFormatException(source + ": tensors " + previous.describe() + " and " + e.describe()
                        + " overlap");
            }
            if (e.begin() > covered) {
                throw new SafetensorsFormatException(source + ": data bytes [" + covered + ", " + e.begin() + ") belong to no "
                        + "tensor (a hole " + (previous == null ? "at the start" : "after " + previous.describe())
                        + ", before " + e.describe() + ")");
            }
            covered = e.end();
            previous = e;
        }
        if (covered != dataSize) {
            throw new SafetensorsFormatException(source + ": the last " + (dataSize - covered) + " data bytes, [" + covered
                    + ", " + dataSize + "), belong to no tensor" + (previous == null ? "" : " (after " + previous.describe() + ")"));
        }
    }

    /**
     * The header as written: compact JSON with the metadata first (when there is any) and the tensors in
     * {@code entries} order, padded with spaces to a multiple of 8 bytes so that the data section, and
     * with it every 8-byte element, starts 8-byte aligned in the file.
     */
    byte[] encode() {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(METADATA_KEY, metadata);
        }
        for (TensorEntry e : entries) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("dtype", e.type().headerName());
            List<Object> shape = new ArrayList<>(e.shape().length);
            for (int d : e.shape()) {
                shape.add(d);
            }
            fields.put("shape", shape);
            fields.put("data_offsets", List.of(e.begin(), e.end()));
            header.put(e.name(), fields);
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = new byte[padded];
        System.arraycopy(json, 0, out, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            out[i] = ' ';
        }
        return out;
    }
}
