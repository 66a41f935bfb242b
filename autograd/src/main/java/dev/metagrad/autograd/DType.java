package dev.metagrad.autograd;

/**
 * Element type of a {@link Tensor}. Differentiable computation happens in {@link #FLOAT64} and
 * {@link #FLOAT32}; {@link #INT64} holds indices and class targets, {@link #BOOL} masks and conditions
 * (as torch.long and torch.bool).
 */
public enum DType {
    /** IEEE-754 double precision (torch.float64). */
    FLOAT64("float64", true),
    /** IEEE-754 single precision (torch.float32). */
    FLOAT32("float32", true),
    /** 64-bit signed integers (torch.int64), for indices and targets. */
    INT64("int64", false),
    /** Booleans (torch.bool), for masks and conditions. */
    BOOL("bool", false);

    private final String torchName;
    private final boolean floatingPoint;

    DType(String torchName, boolean floatingPoint) {
        this.torchName = torchName;
        this.floatingPoint = floatingPoint;
    }

    /** The name torch prints for this type, e.g. {@code float64}. */
    public String torchName() {
        return torchName;
    }

    /** Whether tensors of this type can take part in differentiation. */
    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    @Override
    public String toString() {
        return torchName;
    }
}
