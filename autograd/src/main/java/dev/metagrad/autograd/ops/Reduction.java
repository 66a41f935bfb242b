package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Tensor;

/** How a loss reduces its per-element values (torch's {@code reduction=}). */
public enum Reduction {
    /** Per-element losses, unreduced. */
    NONE,
    /** The mean of the per-element losses (torch's default). */
    MEAN,
    /** The sum of the per-element losses. */
    SUM;

    /** Parses torch's spelling ({@code "none"}, {@code "mean"}, {@code "sum"}). */
    public static Reduction parse(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "mean" -> MEAN;
            case "sum" -> SUM;
            default -> throw new IllegalArgumentException("reduction must be one of none, mean, sum; got \"" + name + "\"");
        };
    }

    /** Applies this reduction to per-element losses. */
    public Tensor apply(Tensor losses) {
        return switch (this) {
            case NONE -> losses;
            case MEAN -> Reductions.mean(losses);
            case SUM -> Reductions.sum(losses);
        };
    }
}
