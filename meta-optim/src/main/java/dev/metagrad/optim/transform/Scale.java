package dev.metagrad.optim.transform;

import dev.metagrad.tree.Trees;

/** {@code u = step_size · g} (TorchOpt {@code scale}). */
public final class Scale extends StatelessTransformation {
    private final double stepSize;

    /** Scales by a fixed {@code stepSize}. */
    public Scale(double stepSize) {
        this.stepSize = stepSize;
    }

    @Override
    Object apply(Object updates, Object params) {
        return Trees.map(updates, g -> g.mul(stepSize));
    }
}
