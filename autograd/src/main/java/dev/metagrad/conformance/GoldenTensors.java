package dev.metagrad.conformance;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes the golden files' tensor objects {@code {"shape": [...], "data": [...], "dtype"?: ...}}
 * (FORMAT.md section 1): {@code data} is row-major, a missing dtype means float64, {@code "int64"} holds
 * integers and {@code "bool"} holds 0/1.
 */
public final class GoldenTensors {
    private GoldenTensors() {
    }

    /**
     * Whether a parsed JSON value looks like a tensor object (has {@code shape} and {@code data}), as
     * opposed to a plain number or null; for fields that accept either.
     */
    public static boolean isTensor(Object value) {
        return value instanceof Map<?, ?> m && m.containsKey("shape") && m.containsKey("data");
    }

    /**
     * The tensor a parsed JSON tensor object describes.
     *
     * @param what names the value in error messages (for example {@code "inputs[1]"})
     * @throws IllegalArgumentException when the object is malformed: not an object, shape and data length
     *                                  disagree, an unknown dtype, a non-integer in int64 data, ...
     */
    public static Tensor decode(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + ": expected a tensor object {shape, data}, got " + Json.describe(value));
        }
        int[] shape = shape(map.get("shape"), what);
        List<?> data = list(map.get("data"), what + ".data");
        if (data.size() != Shape.numel(shape)) {
            throw new IllegalArgumentException(what + ": shape " + Shape.str(shape) + " needs " + Shape.numel(shape)
                    + " values but data has " + data.size());
        }
        Object dtype = map.containsKey("dtype") ? map.get("dtype") : "float64";
        if ("float64".equals(dtype)) {
            double[] d = new double[data.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = number(data.get(i), what, i);
            }
            return Tensor.of(d, shape);
        }
        if ("int64".equals(dtype)) {
            long[] d = new long[data.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = integer(data.get(i), what, i);
            }
            return Tensor.ofLongs(d, shape);
        }
        if ("bool".equals(dtype)) {
            boolean[] d = new boolean[data.size()];
            for (int i = 0; i < d.length; i++) {
                Object v = data.get(i);
                if (v instanceof Boolean b) {
                    d[i] = b;
                    continue;
                }
                long bit = integer(v, what, i);
                if (bit != 0 && bit != 1) {
                    throw new IllegalArgumentException(what + ": bool data must be 0 or 1, got " + bit + " at position " + i);
                }
                d[i] = bit == 1;
            }
            return Tensor.ofBooleans(d, shape);
        }
        throw new IllegalArgumentException(what + ": unknown dtype " + Json.describe(dtype)
                + "; expected float64 (or no dtype), int64 or bool");
    }

    /** Like {@link #decode} but a JSON null gives null (for the gradient slots of constant inputs). */
    public static Tensor decodeNullable(Object value, String what) {
        return value == null ? null : decode(value, what);
    }

    /**
     * The tensors of a JSON array of tensor objects, such as a case's {@code params0}.
     *
     * @param what names the array; element i is named {@code what[i]} in messages
     * @throws IllegalArgumentException when it is not an array or an element is malformed
     */
    public static List<Tensor> decodeList(Object value, String what) {
        List<?> raw = list(value, what);
        List<Tensor> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(decode(raw.get(i), what + "[" + i + "]"));
        }
        return out;
    }

    private static int[] shape(Object value, String what) {
        List<?> dims = list(value, what + ".shape");
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            long d = integer(dims.get(i), what + ".shape", i);
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + ".shape: invalid dimension " + d + " at position " + i);
            }
            shape[i] = (int) d;
        }
        return shape;
    }

    private static List<?> list(Object value, String what) {
        return Json.asList(value, what);
    }

    private static double number(Object value, String what, int index) {
        try {
            return Json.toDouble(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": data[" + index + "]: " + e.getMessage(), e);
        }
    }

    private static long integer(Object value, String what, int index) {
        double d = number(value, what, index);
        // 2^53 bounds the integers a double holds exactly; larger ones would be silently rounded
        if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
            throw new IllegalArgumentException(what + ": expected an integer at position " + index + ", got " + value);
        }
        return (long) d;
    }
}
