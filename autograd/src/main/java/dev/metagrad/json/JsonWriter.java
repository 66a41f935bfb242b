package dev.metagrad.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The writing half of {@link Json}: compact text with no insignificant whitespace, so the output of a
 * given value is always the same bytes.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();

    private JsonWriter() {
    }

    /** See {@link Json#write(Object)}. */
    static String write(Object value) {
        JsonWriter writer = new JsonWriter();
        writer.value(value, "$");
        return writer.out.toString();
    }

    private void value(Object value, String where) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new Json.JsonException("cannot write " + d + " at " + where + ": JSON has no non-finite numbers");
            }
            // Float.toString keeps a float's shortest form; widening first would print its binary expansion
            out.append(value instanceof Float ? Float.toString((Float) value) : Double.toString(d));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(map, where);
        } else if (value instanceof List<?> list) {
            array(list, where);
        } else {
            throw new Json.JsonException("cannot write a " + value.getClass().getName() + " at " + where
                    + " as JSON; expected a Map, List, String, Number, Boolean or null");
        }
    }

    private void object(Map<?, ?> map, String where) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new Json.JsonException("cannot write key " + e.getKey() + " at " + where
                        + ": JSON object keys must be strings");
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(key);
            out.append(':');
            value(e.getValue(), where + "." + key);
        }
        out.append('}');
    }

    private void array(List<?> list, String where) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            value(list.get(i), where + "[" + i + "]");
        }
        out.append(']');
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        // a lone surrogate has no UTF-8 encoding; the escape carries it through intact
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        // everything else, non-ASCII included, is legal as is; the caller encodes as UTF-8
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
