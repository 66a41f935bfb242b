package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code torch.optim.LBFGS.step} as a pure function of a flat point x, a state and an objective
 * {@code x ↦ (f, ∇f)}: {@code (x, state) ↦ (x', state')}. Every value is computed with Tensor ops (scalars as
 * 0-dim tensors) and only branch decisions read doubles, so with a differentiable objective
 * ({@link LbfgsObjective#of(java.util.function.Function, boolean) createGraph}) and grad mode on, x' is a
 * differentiable function of x and of whatever the objective closes over: a meta-gradient through L-BFGS steps.
 *
 * <p>One step (torch 2.x, g = ∇f, at most {@code max_iter} inner iterations and {@code max_eval} evaluations):
 * <pre>
 *   f0, g = objective(x); stop if max|g| <= tolerance_grad
 *   repeat: first iteration ever: d = -g, H = 1, empty history
 *           else: y = g - g_prev, s = t d; keep (y, s, 1/y·s) if y·s > 1e-10 (dropping the oldest beyond
 *                 history_size), H = y·s / y·y; d = -(two-loop recursion) g scaled by H
 *           t = min(1, 1/‖g‖₁)·lr on the first iteration ever, else lr
 *           stop if g·d > -tolerance_change
 *           x = x + t d  (t from the strong-Wolfe search when enabled, which also gives f, g there;
 *                         else f, g re-evaluated there except on the last inner iteration)
 *           stop on max_iter, max_eval, max|g| <= tolerance_grad, max|t d| <= tolerance_change,
 *                |f - f_prev| < tolerance_change
 * </pre>
 * The state lists hold torch's values (see {@link LbfgsState}).
 */
public final class LbfgsFunctional {
    /** Curvature pairs with y·s at or below this are not stored (torch's constant). */
    public static final double CURVATURE_EPS = 1e-10;

    private LbfgsFunctional() {
    }

    /**
     * One {@code LBFGS.step(closure)}.
     *
     * @param options   the group's options
     * @param state     the state from the previous step ({@link LbfgsState#initial()} at first)
     * @param x         the flat parameter vector
     * @param objective f and its flat gradient at a point
     * @return the new point and state, and f at {@code x}
     * @throws IllegalArgumentException when x is not a floating-point vector, the objective returns a loss that
     *                                  is not one element or a gradient not shaped like x, or the state's
     *                                  vectors do not match x's length
     */
    public static LbfgsResult step(LbfgsOptions options, LbfgsState state, Tensor x, LbfgsObjective objective) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(objective, "objective");
        if (x.dim() != 1 || !x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("LBFGS: x must be a floating-point vector, got shape "
                    + Shape.str(x.shape()) + " " + x.dtype());
        }
        checkState(options, state, x.numel());
        LbfgsObjective checked = checking(objective, x.shape());
        double lr = options.lr();
        int maxIter = options.maxIter();
        int maxEval = options.resolvedMaxEval();
        double toleranceGrad = options.toleranceGrad();
        double toleranceChange = options.toleranceChange();
        int historySize = options.historySize();

        long funcEvals = state.funcEvals();
        long stateNIter = state.nIter();
        LbfgsEvaluation start = checked.evaluate(x);
        Tensor origLoss = start.loss();
        Tensor loss = origLoss;
        long currentEvals = 1;
        funcEvals += 1;
        Tensor g = start.flatGrad();
        boolean optCond = maxAbs(g) <= toleranceGrad;
        if (optCond) {
            return new LbfgsResult(x, state.withFuncEvals(funcEvals), origLoss);
        }

        Tensor d = state.d();
        Tensor t = state.t();
        List<Tensor> oldDirs = copy(state.oldDirs());
        List<Tensor> oldStps = copy(state.oldStps());
        List<Tensor> ro = copy(state.ro());
        Tensor hDiag = state.hDiag();
        Tensor prevFlatGrad = state.prevFlatGrad();
        Tensor prevLoss = state.prevLoss();
        List<Tensor> al = copy(state.al());

        int nIter = 0;
        while (nIter < maxIter) {
            nIter++;
            stateNIter++;
            if (stateNIter == 1) {
                d = g.neg();
                oldDirs = new ArrayList<>();
                oldStps = new ArrayList<>();
                ro = new ArrayList<>();
                hDiag = Tensor.scalarLike(g, 1.0);
            } else {
                Tensor y = g.sub(prevFlatGrad);
                Tensor s = d.mul(t);
                Tensor ys = y.dot(s);
                if (ys.item() > CURVATURE_EPS) {
                    if (oldDirs.size() == historySize) {
                        oldDirs.remove(0);
                        oldStps.remove(0);
                        ro.remove(0);
                    }
                    oldDirs.add(y);
                    oldStps.add(s);
                    ro.add(ys.rdiv(1.0));
                    hDiag = ys.div(y.dot(y));
                }
                int numOld = oldDirs.size();
                if (al == null) {
                    // torch creates state["al"] once, with history_size slots, and never resizes it
                    al = new ArrayList<>(Arrays.asList(new Tensor[historySize]));
                }
                Tensor q = g.neg();
                for (int i = numOld - 1; i >= 0; i--) {
                    Tensor a = oldStps.get(i).dot(q).mul(ro.get(i));
                    al.set(i, a);
                    q = q.sub(oldDirs.get(i).mul(a));
                }
                Tensor r = q.mul(hDiag);
                for (int i = 0; i < numOld; i++) {
                    Tensor be = oldDirs.get(i).dot(r).mul(ro.get(i));
                    r = r.add(oldStps.get(i).mul(al.get(i).sub(be)));
                }
                d = r;
            }
            prevFlatGrad = g;
            prevLoss = loss;
            if (stateNIter == 1) {
                Tensor inverseL1 = g.abs().sum().rdiv(1.0);
                // Python's min(1.0, 1/|g|_1): the tensor only when it is smaller
                t = (inverseL1.item() < 1.0 ? inverseL1 : Tensor.scalarLike(g, 1.0)).mul(lr);
            } else {
                t = Tensor.scalarLike(g, lr);
            }
            Tensor gtd = g.dot(d);
            if (gtd.item() > -toleranceChange) {
                break;
            }
            long lsFuncEvals = 0;
            if (options.lineSearch() == LbfgsLineSearch.STRONG_WOLFE) {
                // torch 2.x: the search may only use the evaluations left in this step
                StrongWolfe.Result ls = StrongWolfe.search(checked, x, t, d, loss, g, gtd, maxEval - currentEvals);
                loss = ls.loss();
                g = ls.grad();
                t = ls.t();
                lsFuncEvals = ls.evals();
                x = x.add(d.mul(t));
                optCond = maxAbs(g) <= toleranceGrad;
            } else {
                x = x.add(d.mul(t));
                // torch's quirk: the last inner iteration does not re-evaluate, so loss and g stay stale
                if (nIter != maxIter) {
                    LbfgsEvaluation e = checked.evaluate(x);
                    loss = e.loss();
                    g = e.flatGrad();
                    optCond = maxAbs(g) <= toleranceGrad;
                    lsFuncEvals = 1;
                }
            }
            currentEvals += lsFuncEvals;
            funcEvals += lsFuncEvals;
            if (nIter == maxIter) {
                break;
            }
            if (currentEvals >= maxEval) {
                break;
            }
            if (optCond) {
                break;
            }
            if (maxAbs(d.mul(t)) <= toleranceChange) {
                break;
            }
            if (Math.abs(loss.item() - prevLoss.item()) < toleranceChange) {
                break;
            }
        }
        LbfgsState next = new LbfgsState(funcEvals, stateNIter, d, t, oldDirs, oldStps, ro, hDiag, prevFlatGrad,
                prevLoss, al);
        return new LbfgsResult(x, next, origLoss);
    }

    private static double maxAbs(Tensor v) {
        return v.abs().max().item();
    }

    private static List<Tensor> copy(List<Tensor> xs) {
        return xs == null ? null : new ArrayList<>(xs);
    }

    /** Wraps the objective so a malformed evaluation fails with a clear message instead of a shape error later. */
    private static LbfgsObjective checking(LbfgsObjective objective, int[] shape) {
        return point -> {
            LbfgsEvaluation e = objective.evaluate(point);
            if (e == null) {
                throw new IllegalArgumentException("LBFGS: the objective returned null");
            }
            if (e.loss().numel() != 1) {
                throw new IllegalArgumentException("LBFGS: the loss must have one element, got shape "
                        + Shape.str(e.loss().shape()));
            }
            if (!Arrays.equals(e.flatGrad().shape(), shape)) {
                throw new IllegalArgumentException("LBFGS: the flat gradient has shape " + Shape.str(e.flatGrad().shape())
                        + " but the parameters have " + Shape.str(shape));
            }
            return e;
        };
    }

    /**
     * Checks that {@code state} fits {@code n} flat parameters and the options.
     *
     * @throws IllegalArgumentException when a state vector's length is not n, or {@code al} has fewer slots than
     *                                  {@code history_size} (torch sizes it once, so the history could not grow)
     */
    static void checkState(LbfgsOptions options, LbfgsState state, int n) {
        if (!state.hasHistory()) {
            return;
        }
        if (state.al() != null && state.al().size() < options.historySize()) {
            throw new IllegalArgumentException("LBFGS: the state's al has " + state.al().size()
                    + " slots but history_size is " + options.historySize()
                    + "; torch sizes al once, so history_size cannot grow after the first iteration");
        }
        List<Tensor> vectors = new ArrayList<>(List.of(state.d(), state.prevFlatGrad()));
        vectors.addAll(state.oldDirs());
        vectors.addAll(state.oldStps());
        for (Tensor v : vectors) {
            if (v.dim() != 1 || v.numel() != n) {
                throw new IllegalArgumentException("LBFGS: the state holds a vector of shape " + Shape.str(v.shape())
                        + " but the parameters have " + n + " elements");
            }
        }
    }
}
