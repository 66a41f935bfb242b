package dev.metagrad.optim.torch;

/**
 * The {@code line_search_fn} option of {@code torch.optim.LBFGS}: none (a fixed step {@code t = lr}, with the
 * first step ever scaled by {@code min(1, 1/‖g‖₁)}) or the strong-Wolfe search of {@link StrongWolfe}.
 */
public enum LbfgsLineSearch {
    /** {@code line_search_fn=None}: x ← x + t·d with t = lr. */
    NONE(null),
    /** {@code line_search_fn="strong_wolfe"}: t chosen by {@link StrongWolfe#search}. */
    STRONG_WOLFE("strong_wolfe");

    private final String torchName;

    LbfgsLineSearch(String torchName) {
        this.torchName = torchName;
    }

    /** torch's value of {@code line_search_fn}: null or {@code "strong_wolfe"}. */
    public String torchName() {
        return torchName;
    }

    /**
     * The line search for torch's {@code line_search_fn} value.
     *
     * @param name null (no line search) or {@code "strong_wolfe"}
     * @throws IllegalArgumentException for any other name, listing the valid values
     */
    public static LbfgsLineSearch fromTorchName(String name) {
        if (name == null) {
            return NONE;
        }
        if (name.equals(STRONG_WOLFE.torchName)) {
            return STRONG_WOLFE;
        }
        throw new IllegalArgumentException("LBFGS: unknown line_search_fn '" + name
                + "'; valid values are null (no line search) and \"strong_wolfe\"");
    }
}
