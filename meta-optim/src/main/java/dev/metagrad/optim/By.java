package dev.metagrad.optim;

/** How {@link StateDicts#extractStateDict} replicates tensors: TorchOpt's {@code by} argument. */
public enum By {
    /** The very tensor objects ({@code 'reference'}): recovering restores the original graph leaves. */
    REFERENCE,
    /**
     * A differentiable copy of tensors that require grad (TorchOpt's {@code clone()}, whose gradient flows back
     * to the original) and a detached copy of the others ({@code 'copy'}).
     */
    COPY,
    /** Detached copies that keep the {@code requiresGrad} flag ({@code 'deepcopy'}): cut from the original graph. */
    DEEPCOPY
}
