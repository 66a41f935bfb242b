package dev.metagrad.optim.transform;

import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.state.ChainState;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code chain(T1, ..., Tk)}: {@code u = Tk(...T2(T1(g)))}, each component with its own state, kept in a
 * {@link ChainState} in component order (TorchOpt {@code chain}).
 */
public final class Chain implements GradientTransformation {
    private final List<GradientTransformation> components;

    /**
     * Chains the components in order.
     *
     * @throws IllegalArgumentException when a component is null
     */
    public Chain(List<GradientTransformation> components) {
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i) == null) {
                throw new IllegalArgumentException("chain: transformation " + i + " is null");
            }
        }
        this.components = List.copyOf(components);
    }

    /** The components, in order. */
    public List<GradientTransformation> components() {
        return components;
    }

    @Override
    public OptState init(Object params) {
        List<OptState> states = new ArrayList<>(components.size());
        for (GradientTransformation t : components) {
            states.add(t.init(params));
        }
        return new ChainState(states);
    }

    @Override
    public Update update(Object updates, OptState state, Object params, boolean inplace) {
        ChainState s = Leaves.state("chain", state, ChainState.class);
        if (s.states().size() != components.size()) {
            throw new IllegalArgumentException("chain: state has " + s.states().size() + " component states but the chain has "
                    + components.size() + " transformations");
        }
        List<OptState> next = new ArrayList<>(components.size());
        Object u = updates;
        for (int i = 0; i < components.size(); i++) {
            Update r = components.get(i).update(u, s.states().get(i), params, inplace);
            u = r.updates();
            next.add(r.state());
        }
        return new Update(u, new ChainState(next));
    }
}
