package dev.metagrad.optim.conformance;

import dev.metagrad.optim.OptState;
import dev.metagrad.optim.state.ChainState;
import dev.metagrad.optim.state.EmptyState;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads optimizer states the way FORMAT-torchopt.md section 4.2 lists them: the component states of a chain in
 * order (nested chains flattened, stateless components skipped), each with its record components under their
 * TorchOpt names (camelCase to snake_case: {@code sumOfSquares} is {@code sum_of_squares}).
 */
final class StateFields {
    private StateFields() {
    }

    /** The stateful component states, in chain order. */
    static List<OptState> components(OptState state) {
        List<OptState> out = new ArrayList<>();
        collect(state, out);
        return out;
    }

    private static void collect(OptState state, List<OptState> out) {
        if (state instanceof ChainState chain) {
            chain.states().forEach(s -> collect(s, out));
        } else if (!(state instanceof EmptyState)) {
            out.add(state);
        }
    }

    /** The state's fields by TorchOpt name. */
    static Map<String, Object> fields(OptState state) {
        Map<String, Object> out = new LinkedHashMap<>();
        RecordComponent[] components = state.getClass().getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(state.getClass().getSimpleName() + " is not a record");
        }
        for (RecordComponent c : components) {
            try {
                out.put(snake(c.getName()), c.getAccessor().invoke(state));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + state.getClass().getSimpleName(), e);
            }
        }
        return out;
    }

    private static String snake(String camel) {
        StringBuilder s = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                s.append('_').append(Character.toLowerCase(ch));
            } else {
                s.append(ch);
            }
        }
        return s.toString();
    }
}
