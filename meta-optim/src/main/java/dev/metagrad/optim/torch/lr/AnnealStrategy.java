package dev.metagrad.optim.torch.lr;

import java.util.Objects;

/**
 * The {@code anneal_strategy} of {@link OneCycleLR} and {@link SWALR}: cosine or linear interpolation.
 */
public enum AnnealStrategy {
    /** {@code "cos"}: cosine annealing. */
    COS("cos"),
    /** {@code "linear"}: linear annealing. */
    LINEAR("linear");

    private final String torchName;

    AnnealStrategy(String torchName) {
        this.torchName = torchName;
    }

    /** torch's name, {@code "cos"} or {@code "linear"}. */
    public String torchName() {
        return torchName;
    }

    /**
     * The strategy named {@code name} ({@code "cos"} or {@code "linear"}).
     *
     * @throws IllegalArgumentException for any other name (torch's message)
     */
    public static AnnealStrategy parse(String name) {
        for (AnnealStrategy s : values()) {
            if (s.torchName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("anneal_strategy must be one of 'cos' or 'linear', instead got " + name);
    }

    /**
     * OneCycleLR's interpolation from {@code start} (pct 0) to {@code end} (pct 1): cos:
     * {@code end + (start − end)/2·(cos(π·pct) + 1)}; linear: {@code (end − start)·pct + start}.
     */
    public double anneal(double start, double end, double pct) {
        if (this == COS) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    /** SWALR's weight of {@code swa_lr} at progress t in [0, 1]: cos: {@code (1 − cos(π·t))/2}; linear: {@code t}. */
    public double alpha(double t) {
        return this == COS ? (1 - Math.cos(Math.PI * t)) / 2 : t;
    }

    static AnnealStrategy require(AnnealStrategy s) {
        return Objects.requireNonNull(s, "annealStrategy");
    }
}
