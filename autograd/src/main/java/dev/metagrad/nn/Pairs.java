package dev.metagrad.nn;

/** The (height, width) settings of 2-D layers, given as one value for both dims or as two. */
final class Pairs {
    private Pairs() {
    }

    /**
     * {@code {v, v}} for one value, a copy for two.
     *
     * @throws IllegalArgumentException naming the layer and setting for any other count
     */
    static int[] of(String layer, String setting, int... value) {
        if (value == null || value.length < 1 || value.length > 2) {
            throw new IllegalArgumentException(layer + ": " + setting + " takes one or two values, got "
                    + (value == null ? "null" : value.length + ""));
        }
        return value.length == 1 ? new int[] {value[0], value[0]} : value.clone();
    }
}
