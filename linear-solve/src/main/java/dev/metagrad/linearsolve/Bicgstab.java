package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.TreeMath;

/**
 * BiCGStab (van der Vorst) for a general nonsingular operator, as in {@code jax.scipy.sparse.linalg.bicgstab},
 * right-preconditioned by {@code M ≈ A⁻¹} (identity when none is given):
 * <pre>
 * r = b − A x;  r̂ = r
 * while ||r||² &gt; atol2 and k &lt; maxIter:
 *     ρ' = r̂·r;  p = r (first step) or r + (ρ'/ρ)(α/ω)(p − ω v)
 *     p̂ = M p;  v = A p̂;  α = ρ' / (r̂·v);  s = r − α v
 *     if ||s||² &lt;= atol2: x = x + α p̂, stop
 *     ŝ = M s;  t = A ŝ;  ω = (t·s)/(t·t);  x = x + α p̂ + ω ŝ;  r = s − ω t;  ρ = ρ'
 * </pre>
 * A breakdown ({@code ρ' = 0}, {@code r̂·v = 0}, {@code t·t = 0} or {@code ω = 0}) ends the run, reported as
 * not converged unless the residual already passes. Scalars are 0-dim tensors in the graph.
 */
final class Bicgstab {
    private Bicgstab() {
    }

    static Solution solve(String op, LinearOperator a0, Object b, SolverOptions options) {
        KrylovSetup setup = KrylovSetup.of(op, a0, b, options.ridge(), options.rtol(), options.atol(), options.maxIter(),
                options.init());
        LinearOperator a = setup.a();
        LinearOperator m = options.preconditioner();
        Flattened flatB = setup.flatB();
        Stopping stop = setup.stop();
        Object x = setup.start().x();
        Object r = setup.start().r();
        boolean checked = setup.start().checked();
        Object rHat = r;
        Object p = null;
        Object v = null;
        Tensor rho = null;
        Tensor alpha = null;
        Tensor omega = null;
        double rs = Cg.squaredNorm(r);
        int k = 0;
        while (true) {
            Checks.finiteResidual(op, rs, k, "A returned non-finite values");
            if (stop.met(rs) || k >= stop.maxIter()) {
                break;
            }
            Tensor rhoNew = TreeMath.vdot(rHat, r);
            if (rhoNew.item() == 0.0) {
                break;
            }
            p = k == 0 ? r : TreeMath.axpy(rhoNew.div(rho).mul(alpha.div(omega)), TreeMath.axpy(omega.neg(), v, p), r);
            Object pHat = m == null ? p : Cg.checked(op, "M p", m.apply(p), flatB);
            v = a.apply(pHat);
            if (!checked) {
                Checks.like(op, "A x", v, flatB);
                checked = true;
            }
            Tensor rv = TreeMath.vdot(rHat, v);
            if (rv.item() == 0.0) {
                break;
            }
            alpha = rhoNew.div(rv);
            Object s = TreeMath.axpy(alpha.neg(), v, r);
            double ss = Cg.squaredNorm(s);
            k++;
            if (stop.met(ss)) {
                x = TreeMath.axpy(alpha, pHat, x);
                rs = ss;
                break;
            }
            Object sHat = m == null ? s : m.apply(s);
            Object t = a.apply(sHat);
            Tensor tt = TreeMath.vdot(t, t);
            if (tt.item() == 0.0) {
                break;
            }
            omega = TreeMath.vdot(t, s).div(tt);
            x = TreeMath.axpy(omega, sHat, TreeMath.axpy(alpha, pHat, x));
            r = TreeMath.axpy(omega.neg(), t, s);
            rho = rhoNew;
            rs = Cg.squaredNorm(r);
            if (omega.item() == 0.0) {
                break;
            }
        }
        return new Solution(x, k, Math.sqrt(rs), stop.met(rs));
    }
}
