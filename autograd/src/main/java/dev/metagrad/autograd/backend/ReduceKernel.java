package dev.metagrad.autograd.backend;

/** Reductions over a set of dimensions, kept as size-1 dims in the result. */
public enum ReduceKernel {
    /** Sum of the elements. */
    SUM,
    /** Largest element (NaN propagates). */
    MAX,
    /** Smallest element (NaN propagates). */
    MIN,
    /** Index of the first largest element along a single dim, as int64. */
    ARGMAX
}
