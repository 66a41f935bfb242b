package dev.metagrad.optim.torch;

import dev.metagrad.autograd.PyFloat;
import java.util.Objects;

/**
 * The options of {@code torch.optim.LBFGS}, with torch's defaults: {@code lr=1, max_iter=20,
 * max_eval=None (→ max_iter*5//4), tolerance_grad=1e-7, tolerance_change=1e-9, history_size=100,
 * line_search_fn=None}.
 *
 * @param lr              step length t of every iteration but the first ever ({@code lr}); the first uses
 *                        {@code min(1, 1/‖g‖₁)·lr}
 * @param maxIter         inner iterations per {@code step()} ({@code max_iter})
 * @param maxEval         objective evaluations per {@code step()} ({@code max_eval}), or null for
 *                        {@code floor(maxIter * 5 / 4)}; see {@link #resolvedMaxEval()}
 * @param toleranceGrad   stop when {@code max|g| <= toleranceGrad} ({@code tolerance_grad})
 * @param toleranceChange stop when the step or the loss change is below it ({@code tolerance_change})
 * @param historySize     curvature pairs kept ({@code history_size})
 * @param lineSearch      {@code line_search_fn}
 */
public record LbfgsOptions(double lr, int maxIter, Integer maxEval, double toleranceGrad, double toleranceChange,
                           int historySize, LbfgsLineSearch lineSearch) {

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException for a negative or NaN lr ("Invalid learning rate", as torch), a
     *                                  non-positive maxIter, maxEval or historySize, or a NaN tolerance
     */
    public LbfgsOptions {
        Objects.requireNonNull(lineSearch, "lineSearch (use LbfgsLineSearch.NONE for no line search)");
        if (!(lr >= 0.0)) {
            throw new IllegalArgumentException("Invalid learning rate: " + PyFloat.repr(lr));
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("LBFGS: max_iter must be >= 1, got " + maxIter);
        }
        if (maxEval != null && maxEval < 1) {
            throw new IllegalArgumentException("LBFGS: max_eval must be >= 1, got " + maxEval);
        }
        if (historySize < 1) {
            throw new IllegalArgumentException("LBFGS: history_size must be >= 1, got " + historySize);
        }
        if (Double.isNaN(toleranceGrad)) {
            throw new IllegalArgumentException("LBFGS: tolerance_grad is NaN");
        }
        if (Double.isNaN(toleranceChange)) {
            throw new IllegalArgumentException("LBFGS: tolerance_change is NaN");
        }
    }

    /** torch's defaults: lr 1, max_iter 20, max_eval 25, tolerance_grad 1e-7, tolerance_change 1e-9, history 100, no line search. */
    public static LbfgsOptions defaults() {
        return new LbfgsOptions(1.0, 20, null, 1e-7, 1e-9, 100, LbfgsLineSearch.NONE);
    }

    /** {@code max_eval} as torch resolves it: the given value, else {@code maxIter * 5 / 4} (integer division). */
    public int resolvedMaxEval() {
        return maxEval != null ? maxEval : maxIter * 5 / 4;
    }

    /** Same options with another lr. */
    public LbfgsOptions withLr(double value) {
        return new LbfgsOptions(value, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, lineSearch);
    }

    /** Same options with another max_iter (an unset max_eval follows it). */
    public LbfgsOptions withMaxIter(int value) {
        return new LbfgsOptions(lr, value, maxEval, toleranceGrad, toleranceChange, historySize, lineSearch);
    }

    /** Same options with another max_eval (null: {@code maxIter * 5 / 4}). */
    public LbfgsOptions withMaxEval(Integer value) {
        return new LbfgsOptions(lr, maxIter, value, toleranceGrad, toleranceChange, historySize, lineSearch);
    }

    /** Same options with another tolerance_grad. */
    public LbfgsOptions withToleranceGrad(double value) {
        return new LbfgsOptions(lr, maxIter, maxEval, value, toleranceChange, historySize, lineSearch);
    }

    /** Same options with another tolerance_change. */
    public LbfgsOptions withToleranceChange(double value) {
        return new LbfgsOptions(lr, maxIter, maxEval, toleranceGrad, value, historySize, lineSearch);
    }

    /** Same options with another history_size. */
    public LbfgsOptions withHistorySize(int value) {
        return new LbfgsOptions(lr, maxIter, maxEval, toleranceGrad, toleranceChange, value, lineSearch);
    }

    /** Same options with another line search. */
    public LbfgsOptions withLineSearch(LbfgsLineSearch value) {
        return new LbfgsOptions(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, value);
    }
}
