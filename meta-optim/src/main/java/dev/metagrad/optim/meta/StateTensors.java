package dev.metagrad.optim.meta;

import dev.metagrad.autograd.Tensor;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Tensor-wise maps over optimizer states. Unlike {@link dev.metagrad.tree.Trees}, a state may hold plain
 * settings beside its tensors (for example the {@code long t} of {@code ScaleByAdamaxState}); those are
 * carried over unchanged instead of being rejected, so every {@link dev.metagrad.optim.OptState} can be
 * detached or copied.
 */
public final class StateTensors {
    private StateTensors() {
    }

    /**
     * The same structure with {@code f} applied to every tensor; lists, String-keyed maps and records are
     * rebuilt, any other value (numbers, booleans, enums, null) is kept as is.
     *
     * @throws IllegalStateException when a record cannot be rebuilt through its canonical constructor
     */
    @SuppressWarnings("unchecked")
    public static <T> T map(T node, UnaryOperator<Tensor> f) {
        return (T) visit(node, f);
    }

    /** Every tensor of {@code node}, in the order {@link #map} visits them. */
    public static List<Tensor> leaves(Object node) {
        List<Tensor> out = new ArrayList<>();
        visit(node, t -> {
            out.add(t);
            return t;
        });
        return out;
    }

    /**
     * A description of the structure (record types, list sizes, map keys, tensor shapes and dtypes) but not
     * the values; two states with equal signatures can replace each other.
     */
    public static String signature(Object node) {
        StringBuilder sb = new StringBuilder();
        describe(node, sb);
        return sb.toString();
    }

    private static void describe(Object node, StringBuilder sb) {
        if (node instanceof Tensor t) {
            sb.append("Tensor").append(Arrays.toString(t.shape())).append(t.dtype());
        } else if (node instanceof List<?> l) {
            sb.append('[');
            for (Object o : l) {
                describe(o, sb);
                sb.append(',');
            }
            sb.append(']');
        } else if (node instanceof Map<?, ?> m) {
            sb.append('{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(e.getKey()).append(':');
                describe(e.getValue(), sb);
                sb.append(',');
            }
            sb.append('}');
        } else if (node instanceof Record r) {
            sb.append(r.getClass().getSimpleName()).append('(');
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                describe(read(r, c), sb);
                sb.append(',');
            }
            sb.append(')');
        } else {
            sb.append(node == null ? "null" : node.getClass().getSimpleName());
        }
    }

    private static Object visit(Object node, UnaryOperator<Tensor> f) {
        if (node instanceof Tensor t) {
            return f.apply(t);
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(visit(o, f));
            }
            // states hold unmodifiable lists; keep that property
            return java.util.Collections.unmodifiableList(out);
        }
        if (node instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(e.getKey(), visit(e.getValue(), f));
            }
            return java.util.Collections.unmodifiableMap(out);
        }
        if (node instanceof Record r) {
            RecordComponent[] components = r.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = visit(read(r, components[i]), f);
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> ctor = r.getClass().getDeclaredConstructor(types);
                ctor.setAccessible(true);
                return ctor.newInstance(values);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot rebuild state record " + r.getClass().getName() + ": " + e, e);
            }
        }
        return node;
    }

    private static Object read(Record r, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + r.getClass().getName() + "." + c.getName() + ": " + e, e);
        }
    }
}
