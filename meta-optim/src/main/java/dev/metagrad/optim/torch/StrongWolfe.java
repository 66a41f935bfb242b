package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.Objects;

/**
 * torch.optim.lbfgs's {@code _strong_wolfe} line search and its {@code _cubic_interpolate}, step for step
 * (torch 2.x, including its evaluation budget). Along the direction d from x it looks for a step t with
 * <pre>
 *   f(x + t d) <= f(x) + c1·t·gtd          (sufficient decrease, c1 = 1e-4)
 *   |∇f(x + t d)·d| <= -c2·gtd             (curvature, c2 = 0.9)
 * </pre>
 * first extrapolating (bracketing phase) and then shrinking the bracket by cubic interpolation (zoom phase).
 *
 * <p>All values that can carry derivatives (f, g, t, gtd) stay tensors, so the search is differentiable piece by
 * piece when the objective is; branch decisions read their double values.
 */
public final class StrongWolfe {
    /** Sufficient-decrease constant c1 of torch's search. */
    public static final double C1 = 1e-4;
    /** Curvature constant c2 of torch's search. */
    public static final double C2 = 0.9;
    /**
     * Bracket-width tolerance of the zoom phase. torch's LBFGS calls {@code _strong_wolfe} without passing its
     * own {@code tolerance_change}, so this is always the default 1e-9.
     */
    public static final double TOLERANCE_CHANGE = 1e-9;

    private StrongWolfe() {
    }

    /**
     * The outcome of a search.
     *
     * @param loss  f at the accepted point
     * @param grad  ∇f at the accepted point (flat)
     * @param t     accepted step
     * @param evals objective evaluations used ({@code ls_func_evals})
     */
    public record Result(Tensor loss, Tensor grad, Tensor t, int evals) {
    }

    /**
     * torch's {@code _strong_wolfe(obj_func, x, t, d, f, g, gtd, max_ls=maxLs)}.
     *
     * <p>Budget (torch 2.x): the bracketing and zoom phases together test at most {@code maxLs} new points after
     * the first trial. When bracketing ends because {@code maxLs} is used up, the last trial point is not tested
     * against the Wolfe conditions: the bracket becomes [0, t] with values [f, f_new], the zoom does not run, and
     * the end with the lower f is returned (t = 0 on a tie). {@code evals} is then {@code maxLs + 1}.
     *
     * @param objective the function, evaluated at {@code x + t·d}
     * @param x         start point
     * @param t         first trial step (0-dim)
     * @param d         search direction (a descent direction: gtd < 0)
     * @param f         f(x) (one element)
     * @param g         ∇f(x)
     * @param gtd       g·d (0-dim)
     * @param maxLs     the evaluations still left ({@code max_eval - current_evals} in LBFGS)
     * @return the accepted point's loss, gradient and step, and the evaluations used
     * @throws IllegalArgumentException when {@code maxLs} is negative
     */
    public static Result search(LbfgsObjective objective, Tensor x, Tensor t, Tensor d, Tensor f, Tensor g, Tensor gtd,
                                long maxLs) {
        Objects.requireNonNull(objective, "objective");
        if (maxLs < 0) {
            throw new IllegalArgumentException("strongWolfe: maxLs must be >= 0, got " + maxLs);
        }
        double fValue = f.item();
        double gtdValue = gtd.item();
        double dNorm = d.abs().max().item();
        LbfgsEvaluation first = objective.evaluate(x.add(d.mul(t)));
        Tensor fNew = first.loss();
        Tensor gNew = first.flatGrad();
        int evals = 1;
        Tensor gtdNew = gNew.dot(d);

        Tensor tPrev = Tensor.scalarLike(t, 0.0);
        Tensor fPrev = f;
        Tensor gPrev = g;
        Tensor gtdPrev = gtd;
        boolean done = false;
        long lsIter = 0;
        Bracket bracket = null;
        while (lsIter < maxLs) {
            double fNewValue = fNew.item();
            if (fNewValue > fValue + C1 * t.item() * gtdValue || (lsIter > 1 && fNewValue >= fPrev.item())) {
                bracket = new Bracket(tPrev, t, fPrev, fNew, gPrev, gNew, gtdPrev, gtdNew);
                break;
            }
            if (Math.abs(gtdNew.item()) <= -C2 * gtdValue) {
                bracket = Bracket.single(t, fNew, gNew);
                done = true;
                break;
            }
            if (gtdNew.item() >= 0) {
                bracket = new Bracket(tPrev, t, fPrev, fNew, gPrev, gNew, gtdPrev, gtdNew);
                break;
            }
            // extrapolate: the next trial lies in [t + 0.01 (t - t_prev), 10 t]
            Tensor minStep = t.add(t.sub(tPrev).mul(0.01));
            Tensor maxStep = t.mul(10.0);
            Tensor tmp = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = tmp;
            fPrev = fNew;
            gPrev = gNew;
            gtdPrev = gtdNew;
            LbfgsEvaluation e = objective.evaluate(x.add(d.mul(t)));
            fNew = e.loss();
            gNew = e.flatGrad();
            evals++;
            gtdNew = gNew.dot(d);
            lsIter++;
        }
        if (lsIter == maxLs) {
            // budget used up: the last trial is never tested; bracket_gtd stays unset, the zoom cannot run
            bracket = new Bracket(Tensor.scalarLike(t, 0.0), t, f, fNew, g, gNew, null, null);
        }

        boolean insufProgress = false;
        int low = bracket.f[0].item() <= bracket.f[bracket.size - 1].item() ? 0 : 1;
        int high = 1 - low;
        while (!done && lsIter < maxLs) {
            if (Math.abs(bracket.t[1].item() - bracket.t[0].item()) * dNorm < TOLERANCE_CHANGE) {
                break;
            }
            t = cubicInterpolate(bracket.t[0], bracket.f[0], bracket.gtd[0], bracket.t[1], bracket.f[1], bracket.gtd[1]);
            Tensor hi = max(bracket.t[0], bracket.t[1]);
            Tensor lo = min(bracket.t[0], bracket.t[1]);
            Tensor eps = hi.sub(lo).mul(0.1);
            double tv = t.item();
            double hiV = hi.item();
            double loV = lo.item();
            if (Math.min(hiV - tv, tv - loV) < eps.item()) {
                // too close to an end: after two such steps in a row (or outside the bracket) move 10% inside
                if (insufProgress || tv >= hiV || tv <= loV) {
                    t = Math.abs(tv - hiV) < Math.abs(tv - loV) ? hi.sub(eps) : lo.add(eps);
                    insufProgress = false;
                } else {
                    insufProgress = true;
                }
            } else {
                insufProgress = false;
            }
            LbfgsEvaluation e = objective.evaluate(x.add(d.mul(t)));
            fNew = e.loss();
            gNew = e.flatGrad();
            evals++;
            gtdNew = gNew.dot(d);
            lsIter++;
            double fNewValue = fNew.item();
            if (fNewValue > fValue + C1 * t.item() * gtdValue || fNewValue >= bracket.f[low].item()) {
                bracket.set(high, t, fNew, gNew, gtdNew);
                low = bracket.f[0].item() <= bracket.f[1].item() ? 0 : 1;
                high = 1 - low;
            } else {
                if (Math.abs(gtdNew.item()) <= -C2 * gtdValue) {
                    done = true;
                } else if (gtdNew.item() * (bracket.t[high].item() - bracket.t[low].item()) >= 0) {
                    bracket.set(high, bracket.t[low], bracket.f[low], bracket.g[low], bracket.gtd[low]);
                }
                bracket.set(low, t, fNew, gNew, gtdNew);
            }
        }
        return new Result(bracket.f[low], bracket.g[low], bracket.t[low], evals);
    }

    /** {@link #cubicInterpolate(Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor)} bounded by [min(x1,x2), max(x1,x2)]. */
    public static Tensor cubicInterpolate(Tensor x1, Tensor f1, Tensor g1, Tensor x2, Tensor f2, Tensor g2) {
        boolean ordered = x1.item() <= x2.item();
        return cubicInterpolate(x1, f1, g1, x2, f2, g2, ordered ? x1 : x2, ordered ? x2 : x1);
    }

    /**
     * torch's {@code _cubic_interpolate}: the minimizer of the cubic through (x1, f1) and (x2, f2) with slopes g1,
     * g2, clamped to [xmin, xmax]:
     * <pre>
     *   d1 = g1 + g2 - 3 (f1 - f2) / (x1 - x2);   d2² = d1² - g1 g2
     *   if d2² >= 0:  d2 = sqrt(d2²)
     *                 x* = x2 - (x2 - x1) (g2 + d2 - d1) / (g2 - g1 + 2 d2)   if x1 <= x2
     *                 x* = x1 - (x1 - x2) (g1 + d2 - d1) / (g1 - g2 + 2 d2)   otherwise
     *                 return min(max(x*, xmin), xmax)
     *   else:         return (xmin + xmax) / 2                                  (no real minimizer)
     * </pre>
     * All arguments are one-element tensors; the result is a differentiable function of them (piecewise).
     */
    public static Tensor cubicInterpolate(Tensor x1, Tensor f1, Tensor g1, Tensor x2, Tensor f2, Tensor g2,
                                          Tensor xmin, Tensor xmax) {
        Tensor d1 = g1.add(g2).sub(f1.sub(f2).mul(3.0).div(x1.sub(x2)));
        Tensor d2Square = d1.square().sub(g1.mul(g2));
        if (d2Square.item() >= 0) {
            Tensor d2 = d2Square.sqrt();
            Tensor minPos = x1.item() <= x2.item()
                    ? x2.sub(x2.sub(x1).mul(g2.add(d2).sub(d1).div(g2.sub(g1).add(d2.mul(2.0)))))
                    : x1.sub(x1.sub(x2).mul(g1.add(d2).sub(d1).div(g1.sub(g2).add(d2.mul(2.0)))));
            return min(max(minPos, xmin), xmax);
        }
        return xmin.add(xmax).div(2.0);
    }

    /** Python's {@code max(a, b)}: b only when b > a (so a NaN a stays). */
    private static Tensor max(Tensor a, Tensor b) {
        return b.item() > a.item() ? b : a;
    }

    /** Python's {@code min(a, b)}: b only when b < a. */
    private static Tensor min(Tensor a, Tensor b) {
        return b.item() < a.item() ? b : a;
    }

    /** torch's parallel lists bracket, bracket_f, bracket_g, bracket_gtd (one or two entries). */
    private static final class Bracket {
        final Tensor[] t = new Tensor[2];
        final Tensor[] f = new Tensor[2];
        final Tensor[] g = new Tensor[2];
        final Tensor[] gtd = new Tensor[2];
        final int size;

        Bracket(Tensor t0, Tensor t1, Tensor f0, Tensor f1, Tensor g0, Tensor g1, Tensor gtd0, Tensor gtd1) {
            set(0, t0, f0, g0, gtd0);
            set(1, t1, f1, g1, gtd1);
            size = 2;
        }

        private Bracket(Tensor t0, Tensor f0, Tensor g0) {
            set(0, t0, f0, g0, null);
            size = 1;
        }

        static Bracket single(Tensor t0, Tensor f0, Tensor g0) {
            return new Bracket(t0, f0, g0);
        }

        void set(int i, Tensor ti, Tensor fi, Tensor gi, Tensor gtdi) {
            t[i] = ti;
            f[i] = fi;
            g[i] = gi;
            gtd[i] = gtdi;
        }
    }
}
