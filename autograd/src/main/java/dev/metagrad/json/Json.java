package dev.metagrad.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer (RFC 8259), free of dependencies: a recursive-descent parser for the
 * golden files and safetensors headers, and {@link #write(Object)} for the headers metagrad writes.
 *
 * <p>Values map to plain Java objects: objects to {@link LinkedHashMap}{@code <String, Object>} (key
 * order kept), arrays to {@link List}{@code <Object>}, numbers to {@link Double}, strings to
 * {@link String}, {@code true}/{@code false} to {@link Boolean} and {@code null} to {@code null}.
 *
 * <p>Numbers are converted with {@link Double#parseDouble} on the exact token text, so values written
 * with a shortest round-trip representation (Python's {@code repr}) come back bit for bit, {@code -0.0}
 * included. Non-finite values are not JSON numbers; the golden files spell them as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, which {@link #toDouble(Object)} accepts.
 */
public final class Json {
    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON value that makes up the whole of {@code text} (surrounding whitespace allowed).
     *
     * @throws JsonException on malformed input, with the line, column and offset of the problem
     */
    public static Object parse(String text) {
        Json parser = new Json(text);
        parser.skipWhitespace();
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected " + parser.describeHere() + " after the end of the JSON value");
        }
        return value;
    }

    /**
     * Parses {@code text} and requires the top-level value to be an object.
     *
     * @throws JsonException on malformed input or when the value is not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new JsonException("expected a JSON object at the top level, got " + typeName(value));
        }
        return (Map<String, Object>) value;
    }

    /**
     * Writes a value as compact JSON text, the inverse of {@link #parse(String)}: maps with {@link String}
     * keys become objects (in iteration order), lists arrays, {@link String}s strings, {@link Boolean}s
     * and {@code null} literals, integral numbers ({@link Long}, {@link Integer}, ...) integers and
     * {@link Double}/{@link Float} the shortest text that parses back to the same value.
     *
     * @throws JsonException for non-finite numbers (not representable in JSON), non-string keys and
     *                       values of any other type
     */
    public static String write(Object value) {
        return JsonWriter.write(value);
    }

    /**
     * A number from a parsed value: a {@link Double} (or other {@link Number}) as is, or one of the strings
     * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} used for non-finite values.
     *
     * @throws JsonException for anything else
     */
    public static double toDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            switch (s) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new JsonException("expected a number (or \"NaN\", \"Infinity\", \"-Infinity\"), got " + describe(value));
    }

    /**
     * A parsed value that must be an object, for typed access to parsed documents.
     *
     * @param what names the value in the message, e.g. {@code "tolerance.x"}
     * @throws JsonException {@code "<what>: expected an object, got <type>"} for anything else, null included
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new JsonException(what + ": expected an object, got " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    /**
     * A parsed value that must be an array.
     *
     * @param what names the value in the message
     * @throws JsonException {@code "<what>: expected an array, got <type>"} for anything else, null included
     */
    public static List<?> asList(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            throw new JsonException(what + ": expected an array, got " + describe(value));
        }
        return list;
    }

    /**
     * A parsed number that must be integral and fit an {@code int} (JSON numbers arrive as doubles, so
     * {@code 3.0} is 3).
     *
     * @param what names the value in the message
     * @throws JsonException {@code "<what>: expected an integer, got <value>"} for a fraction, a number out of
     *                       {@code int} range, a non-finite value or a non-number
     */
    public static int toInt(Object value, String what) {
        double d = value instanceof Number n ? n.doubleValue() : Double.NaN;
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new JsonException(what + ": expected an integer, got " + describe(value));
        }
        return (int) d;
    }

    /** A short name of a parsed value's JSON type, for error messages ({@code "object"}, {@code "null"}, ...). */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return value.getClass().getSimpleName();
    }

    /** The type and, for scalars, the value of a parsed value, for error messages. */
    public static String describe(Object value) {
        if (value instanceof String s) {
            return "string \"" + s + "\"";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return typeName(value) + " " + value;
        }
        return typeName(value);
    }

    // ----------------------------------------------------------------------------------------------

    private Object value() {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + describeHere() + ", expected a value");
        }
    }

    private Map<String, Object> object() {
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key, got " + describeHere());
            }
            int keyPos = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value();
            if (map.containsKey(key)) {
                // a silent overwrite would hide a broken golden file
                pos = keyPos;
                throw error("duplicate key \"" + key + "\"");
            }
            map.put(key, v);
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                return map;
            } else {
                throw error("expected ',' or '}' in object, got " + describeHere());
            }
        }
    }

    private List<Object> array() {
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return list;
            } else {
                throw error("expected ',' or ']' in array, got " + describeHere());
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c) + " in string; escape it");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, start, pos);
            pos++;
            if (pos >= text.length()) {
                throw error("unterminated escape sequence");
            }
            char e = text.charAt(pos);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 >= text.length()) {
                        throw error("truncated \\u escape");
                    }
                    int code = 0;
                    for (int i = 1; i <= 4; i++) {
                        int digit = Character.digit(text.charAt(pos + i), 16);
                        if (digit < 0) {
                            pos += i;
                            throw error("invalid hex digit in \\u escape: " + describeHere());
                        }
                        code = code * 16 + digit;
                    }
                    // surrogate pairs arrive as two escapes and simply concatenate into valid UTF-16
                    sb.append((char) code);
                    pos += 4;
                }
                default -> throw error("invalid escape \\" + e);
            }
            pos++;
            start = pos;
        }
    }

    private Double number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit in number, got " + describeHere());
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point, got " + describeHere());
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent, got " + describeHere());
            }
            digits();
        }
        // parseDouble on the exact token gives the correctly rounded double, hence bit-exact round trips
        return Double.parseDouble(text.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describeHere() + ", expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "', got " + describeHere());
        }
        pos++;
    }

    /** The current character, or NUL at the end (never a valid token start, so it fails every test). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "end of input";
        }
        char c = text.charAt(pos);
        return c < 0x20 ? "character U+" + String.format("%04X", (int) c) : "'" + c + "'";
    }

    private JsonException error(String message) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(pos, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonException("JSON error at line " + line + ", column " + (end - lineStart + 1) + " (offset "
                + end + "): " + message);
    }

    /** Malformed JSON, or a parsed value of the wrong type; the message says where or what. */
    public static final class JsonException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** An exception with the given message. */
        public JsonException(String message) {
            super(message);
        }
    }
}
