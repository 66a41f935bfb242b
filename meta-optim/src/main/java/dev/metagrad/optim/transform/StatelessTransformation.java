package dev.metagrad.optim.transform;

import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.state.EmptyState;

/** A transformation without state: {@code init} gives {@link EmptyState}, {@code update} only maps updates. */
abstract class StatelessTransformation implements GradientTransformation {
    @Override
    public final OptState init(Object params) {
        return EmptyState.INSTANCE;
    }

    @Override
    public final Update update(Object updates, OptState state, Object params, boolean inplace) {
        return new Update(apply(updates, params), EmptyState.INSTANCE);
    }

    /** The transformed updates. */
    abstract Object apply(Object updates, Object params);
}
