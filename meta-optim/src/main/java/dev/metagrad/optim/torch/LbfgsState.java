package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The state torch.optim.LBFGS keeps on its first parameter, as an immutable value. Keys as torch names them:
 * {@code func_evals}, {@code n_iter} (counts over all {@code step()} calls), {@code d} (last direction),
 * {@code t} (last step length), {@code old_dirs} / {@code old_stps} (curvature pairs y, s, oldest first),
 * {@code ro} (1 / y·s), {@code H_diag} (y·s / y·y), {@code prev_flat_grad}, {@code prev_loss} and {@code al}
 * (the two-loop coefficients, a list of {@code history_size} entries, null where never written; absent until
 * the two-loop recursion first runs). Every field but the counts is null before the first inner iteration.
 *
 * <p>Tensors may carry a graph when L-BFGS runs differentiably ({@link LbfgsFunctional}).
 *
 * @param funcEvals    {@code func_evals}
 * @param nIter        {@code n_iter}
 * @param d            {@code d}
 * @param t            {@code t} (0-dim)
 * @param oldDirs      {@code old_dirs}
 * @param oldStps      {@code old_stps}
 * @param ro           {@code ro} (0-dim each)
 * @param hDiag        {@code H_diag} (0-dim)
 * @param prevFlatGrad {@code prev_flat_grad}
 * @param prevLoss     {@code prev_loss} (one element)
 * @param al           {@code al} (entries may be null), or null when absent
 */
public record LbfgsState(long funcEvals, long nIter, Tensor d, Tensor t, List<Tensor> oldDirs, List<Tensor> oldStps,
                         List<Tensor> ro, Tensor hDiag, Tensor prevFlatGrad, Tensor prevLoss, List<Tensor> al) {

    /**
     * Copies the lists (unmodifiable) and checks them.
     *
     * @throws IllegalArgumentException for negative counts, history lists of different lengths or with null
     *                                  entries, a history without its direction and step, or a history
     *                                  present exactly when n_iter is 0
     */
    public LbfgsState {
        if (funcEvals < 0 || nIter < 0) {
            throw new IllegalArgumentException("LbfgsState: func_evals and n_iter must be >= 0, got "
                    + funcEvals + " and " + nIter);
        }
        oldDirs = oldDirs == null ? null : List.copyOf(oldDirs);
        oldStps = oldStps == null ? null : List.copyOf(oldStps);
        ro = ro == null ? null : List.copyOf(ro);
        al = al == null ? null : Collections.unmodifiableList(new ArrayList<>(al));
        boolean anyHistory = oldDirs != null || oldStps != null || ro != null;
        if (anyHistory && (oldDirs == null || oldStps == null || ro == null)) {
            throw new IllegalArgumentException("LbfgsState: old_dirs, old_stps and ro must be given together");
        }
        if (anyHistory && (oldDirs.size() != oldStps.size() || oldDirs.size() != ro.size())) {
            throw new IllegalArgumentException("LbfgsState: old_dirs, old_stps and ro have different lengths "
                    + oldDirs.size() + ", " + oldStps.size() + ", " + ro.size());
        }
        if (anyHistory != (nIter > 0)) {
            throw new IllegalArgumentException("LbfgsState: n_iter is " + nIter + (anyHistory
                    ? " but a history (old_dirs, old_stps, ro) is given" : " but old_dirs, old_stps and ro are missing"));
        }
        if (anyHistory && (d == null || t == null || hDiag == null || prevFlatGrad == null || prevLoss == null)) {
            throw new IllegalArgumentException("LbfgsState: a history needs d, t, H_diag, prev_flat_grad and prev_loss");
        }
    }

    /** The state before the first {@code step()}: no evaluations, no iterations, nothing else. */
    public static LbfgsState initial() {
        return new LbfgsState(0, 0, null, null, null, null, null, null, null, null, null);
    }

    /** Whether an inner iteration has run (so d, t, the history, prev_flat_grad and prev_loss exist). */
    public boolean hasHistory() {
        return oldDirs != null;
    }

    /** Same state with another {@code func_evals}. */
    public LbfgsState withFuncEvals(long value) {
        return new LbfgsState(value, nIter, d, t, oldDirs, oldStps, ro, hDiag, prevFlatGrad, prevLoss, al);
    }

    /**
     * Same state with every tensor detached (graphs dropped, values kept); for storing a differentiable run's
     * state or starting a new unrolled window from it.
     */
    public LbfgsState detach() {
        return new LbfgsState(funcEvals, nIter, det(d), det(t), detAll(oldDirs), detAll(oldStps), detAll(ro), det(hDiag),
                det(prevFlatGrad), det(prevLoss), detAll(al));
    }

    private static Tensor det(Tensor x) {
        return x == null ? null : x.detach();
    }

    private static List<Tensor> detAll(List<Tensor> xs) {
        if (xs == null) {
            return null;
        }
        List<Tensor> out = new ArrayList<>(xs.size());
        for (Tensor x : xs) {
            out.add(det(x));
        }
        return out;
    }
}
