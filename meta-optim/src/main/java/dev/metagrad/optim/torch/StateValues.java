package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Copies and checks the values optimizer state holds: tensors, numbers, booleans, strings, null and lists of these. */
final class StateValues {
    private StateValues() {
    }

    /**
     * A deep, unmodifiable copy of one parameter's state: tensors as detached leaves, integral numbers as
     * {@link Long}, other numbers as {@link Double}, lists copied.
     *
     * @throws IllegalArgumentException for a null key or a value of another type, naming {@code where} and the key
     */
    static Map<String, Object> copyState(Map<String, ?> state, String where) {
        Objects.requireNonNull(state, where + ": state is null");
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : state.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException(where + ": a state key is null");
            }
            out.put(e.getKey(), copyValue(e.getValue(), where + ": state \"" + e.getKey() + "\""));
        }
        return Collections.unmodifiableMap(out);
    }

    static Object copyValue(Object v, String where) {
        if (v == null || v instanceof Boolean || v instanceof String || v instanceof Double || v instanceof Long) {
            return v;
        }
        if (v instanceof Tensor t) {
            return t.detach();
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(copyValue(l.get(i), where + "[" + i + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException(where + " has unsupported type " + v.getClass().getName()
                + "; state values are tensors, numbers, booleans, strings, null or lists of these");
    }

    /**
     * The leaf that replaces parameter {@code old} after an update to {@code value}: the values of {@code value},
     * the flag {@code old.requiresGrad()} and the gradient {@code old.grad()}.
     *
     * @throws IllegalArgumentException when shape or dtype differ
     */
    static Tensor nextLeaf(Tensor old, Tensor value, String who) {
        if (!Arrays.equals(old.shape(), value.shape()) || old.dtype() != value.dtype()) {
            throw new IllegalArgumentException(who + ": the new value of a parameter has shape " + Arrays.toString(value.shape())
                    + " " + value.dtype() + " but the parameter is " + Arrays.toString(old.shape()) + " " + old.dtype());
        }
        Tensor leaf = value.detach();
        if (old.requiresGrad()) {
            leaf.requiresGrad(true);
        }
        leaf.setGrad(old.grad());
        return leaf;
    }

    /**
     * A state value as messages name it: {@code none} for null (or a missing key), {@code a tensor of shape [2, 3]
     * float64}, or the Java type and value ({@code Double 0.5}).
     */
    static String describe(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof Tensor t) {
            return "a tensor of shape " + Shape.str(t.shape()) + " " + t.dtype();
        }
        return v.getClass().getSimpleName() + " " + v;
    }
}
