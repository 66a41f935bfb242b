package dev.metagrad.tree;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reflection over records as tree nodes: their components in declaration order, read through the
 * accessors and put back through the canonical constructor. The reflective handles of each record class
 * are looked up once and cached.
 */
final class RecordNodes {
    private RecordNodes() {
    }

    /** The component names, accessors and canonical constructor of one record class. */
    private record Layout(List<String> names, Method[] accessors, Constructor<?> constructor) {
    }

    private static final ClassValue<Layout> LAYOUTS = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            List<String> names = new ArrayList<>(components.length);
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names.add(components[i].getName());
                accessors[i] = components[i].getAccessor();
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                // records nested privately (typical for optimizer states) are still trees
                boolean open = constructor.trySetAccessible();
                for (Method accessor : accessors) {
                    open &= accessor.trySetAccessible();
                }
                if (!open) {
                    throw new IllegalArgumentException("record " + type.getName() + " is not accessible to "
                            + "dev.metagrad.tree; make it public or open its package");
                }
                return new Layout(List.copyOf(names), accessors, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }
    };

    /** Component names of a record class, in declaration order. */
    static List<String> names(Class<?> type) {
        return LAYOUTS.get(type).names();
    }

    /** The component values of {@code record}, in declaration order. */
    static List<Object> values(Record record) {
        Method[] accessors = LAYOUTS.get(record.getClass()).accessors();
        List<Object> values = new ArrayList<>(accessors.length);
        for (Method accessor : accessors) {
            try {
                values.add(accessor.invoke(record));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + accessor + " although it was made accessible", e);
            } catch (InvocationTargetException e) {
                throw rethrow("accessor " + accessor.getName() + "() of " + record.getClass().getSimpleName(), e);
            }
        }
        return values;
    }

    /**
     * A new instance of record class {@code type} from its component values.
     *
     * @throws IllegalArgumentException when the canonical constructor rejects the values (a component
     *                                  declared as a concrete collection class, say, or a failing check)
     */
    static Record construct(Class<?> type, List<Object> values) {
        Constructor<?> constructor = LAYOUTS.get(type).constructor();
        try {
            return (Record) constructor.newInstance(values.toArray());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot rebuild record " + type.getSimpleName() + " from components "
                    + names(type) + ": " + e.getMessage() + " (rebuilt lists and maps are List and Map, so declare "
                    + "components with those interface types)", e);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot call the canonical constructor of " + type.getName(), e);
        } catch (InvocationTargetException e) {
            throw rethrow("canonical constructor of " + type.getSimpleName(), e);
        }
    }

    private static RuntimeException rethrow(String what, InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalArgumentException("the " + what + " threw: " + cause, cause);
    }
}
