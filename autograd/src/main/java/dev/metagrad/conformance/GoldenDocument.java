package dev.metagrad.conformance;

import dev.metagrad.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A parsed golden file: its top-level object and where it came from.
 *
 * @param source a file path or {@code classpath:} resource name, for messages
 * @param root   the file's top-level JSON object
 */
public record GoldenDocument(String source, Map<String, Object> root) {
    /**
     * Reads and parses a golden file from disk.
     *
     * @throws UncheckedIOException          when the file cannot be read
     * @throws IllegalArgumentException      when it is not a JSON object (message names the file)
     */
    public static GoldenDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read golden file: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /**
     * Reads and parses a golden file bundled on the classpath.
     *
     * @param resource an absolute resource name such as {@code /dev/metagrad/golden/autograd_ops.json}
     * @throws IllegalArgumentException when the resource is missing or not a JSON object
     */
    public static GoldenDocument resource(String resource) {
        String source = "classpath:" + resource;
        try (InputStream in = GoldenDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(source + ": no such resource on the classpath");
            }
            return parse(source, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read golden resource: " + e.getMessage(), e);
        }
    }

    /** Parses golden-file text; {@code source} names it in messages. */
    public static GoldenDocument parse(String source, String text) {
        try {
            return new GoldenDocument(source, Json.parseObject(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The value of the top-level {@code "suite"} field.
     *
     * @throws IllegalArgumentException when it is missing or not a string
     */
    public String suiteName() {
        Object suite = root.get("suite");
        if (!(suite instanceof String s)) {
            throw new IllegalArgumentException(source + ": top-level \"suite\" must be a string, got " + Json.describe(suite));
        }
        return s;
    }

    /**
     * The top-level {@code "cases"} array; each element must be an object.
     *
     * @throws IllegalArgumentException when it is missing or not an array of objects
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> cases(Map<String, Object> root, String source) {
        Object cases = root.get("cases");
        if (!(cases instanceof List<?> list)) {
            throw new IllegalArgumentException(source + ": top-level \"cases\" must be an array, got " + Json.describe(cases));
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map)) {
                throw new IllegalArgumentException(source + ": cases[" + i + "] must be an object, got "
                        + Json.describe(list.get(i)));
            }
        }
        return (List<Map<String, Object>>) list;
    }

    /**
     * The cases of a float64 golden file, each built by {@code factory} from its id (the case's {@code "id"},
     * or {@code cases[i]} when it has none) and its object, in file order.
     *
     * @throws IllegalArgumentException when the file's {@code "dtype"} is not float64 or its cases are malformed
     */
    public static List<ConformanceCase> float64Cases(Map<String, Object> root, String source,
                                                     BiFunction<String, Map<String, Object>, ConformanceCase> factory) {
        Object dtype = root.get("dtype");
        if (dtype != null && !"float64".equals(dtype)) {
            throw new IllegalArgumentException(source + ": only float64 golden data is supported, got dtype "
                    + Json.describe(dtype));
        }
        List<Map<String, Object>> raw = cases(root, source);
        List<ConformanceCase> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> c = raw.get(i);
            out.add(factory.apply(c.get("id") instanceof String s ? s : "cases[" + i + "]", c));
        }
        return out;
    }
}
