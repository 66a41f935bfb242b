package dev.metagrad.optim.transform;

/** {@code u = g}: passes updates through unchanged (TorchOpt {@code identity}). */
public final class Identity extends StatelessTransformation {
    /** The identity transformation. */
    public Identity() {
    }

    @Override
    Object apply(Object updates, Object params) {
        return updates;
    }
}
