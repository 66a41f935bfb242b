package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Trees;

import java.util.List;

/**
 * The solvers of this module (TorchOpt's {@code torchopt.linear_solve} and {@code torchopt.linalg}, JAXopt's
 * {@code jaxopt.linear_solve}). The {@code solve*} factories return {@link LinearSolver}s, functions
 * {@code (A, b) -> x} for implicit differentiation; {@link #cg}, {@link #neumannSeries} and
 * {@link #neumannInverse} are the underlying algorithms.
 *
 * <p>Every solver works on trees of tensors (see {@link dev.metagrad.tree.Trees}), with {@code b} and the
 * solution shaped alike; 0-dim {@code b} works everywhere. All are written with differentiable tensor ops, so
 * a solution can be differentiated with respect to {@code b} and to whatever the operator closes over, to
 * any order. Iterative solvers report their iterations, residual and convergence in the {@link Solution}
 * instead of failing silently.
 */
public final class LinearSolve {
    private LinearSolve() {
    }

    /** {@link #cg(LinearOperator, Object, CgOptions)} with {@link CgOptions#defaults()}. */
    public static Solution cg(LinearOperator a, Object b) {
        return Cg.cg(a, b, CgOptions.defaults());
    }

    /**
     * Conjugate gradients, {@code torchopt.linalg.cg}; see {@link Cg#cg}.
     *
     * @throws IllegalArgumentException for a shape mismatch between {@code A x} and {@code b}, or non-finite input
     * @throws ArithmeticException      when the residual stops being finite
     */
    public static Solution cg(LinearOperator a, Object b, CgOptions options) {
        return Cg.cg(a, b, options);
    }

    /** {@link #solveCg(SolverOptions)} with {@link SolverOptions#defaults()}. */
    public static LinearSolver solveCg() {
        return solveCg(SolverOptions.defaults());
    }

    /**
     * {@code torchopt.linear_solve.solve_cg}: CG on {@code (A + ridge I) x = b} started at {@code init}, for a
     * symmetric positive definite {@code A + ridge I}, preconditioned by the options' {@code M} if any.
     */
    public static LinearSolver solveCg(SolverOptions options) {
        requireOptions("solveCg", options);
        return (a, b) -> Cg.cg("solveCg", LinearOperators.withRidge(requireOperator("solveCg", a), options.ridge()), b,
                options.toCg());
    }

    /** {@link #solveNormalCg(SolverOptions)} with {@link SolverOptions#defaults()}. */
    public static LinearSolver solveNormalCg() {
        return solveNormalCg(SolverOptions.defaults());
    }

    /**
     * {@code torchopt.linear_solve.solve_normal_cg}: CG on the normal equations
     * {@code (AᵀA + ridge I) x = Aᵀ b}, for any nonsingular (also non-symmetric) {@code A}. {@code Aᵀ} is the
     * vector-Jacobian product of {@code A} (see {@link LinearOperators#transpose}), taken at {@code init} or
     * {@code b}. The options' preconditioner {@code M}, if any, acts on the normal system's residual. The reported
     * residual is that of the normal equations.
     */
    public static LinearSolver solveNormalCg(SolverOptions options) {
        requireOptions("solveNormalCg", options);
        return (a, b) -> {
            String op = "solveNormalCg";
            requireOperator(op, a);
            Checks.rightHandSide(op, b);
            Object example = options.init() != null ? options.init() : b;
            LinearOperator at = LinearOperators.transpose(a, example);
            LinearOperator normal = LinearOperators.withRidge(v -> at.apply(a.apply(v)), options.ridge());
            return Cg.cg(op, normal, at.apply(b), options.toCg());
        };
    }

    /** {@link #solveInv(InvOptions)} with {@link InvOptions#defaults()}. */
    public static LinearSolver solveInv() {
        return solveInv(InvOptions.defaults());
    }

    /**
     * {@code torchopt.linear_solve.solve_inv}: with {@code Aeff = A + ridge I}, either the dense solve
     * {@code x = Aeff⁻¹ b} (Aeff materialized column by column from the operator, the leaves of b flattened
     * into one vector, solved by LU with partial pivoting) or, with {@code ns}, the Neumann series
     * {@link #neumannSeries}. A 0-dim {@code b} (a single 0-dim leaf) gives the exact {@code x = b / (a + ridge)}
     * of shape {@code []}, with or without {@code ns}, as in TorchOpt (which returns shape {@code [1, 1]} there). Where b has several leaves, the whole of Aeff is used;
     * TorchOpt keeps only its diagonal blocks.
     *
     * <p>The dense solve reports 0 iterations and the residual {@code ||b − Aeff x||}; the series reports its
     * iterations, its true residual, and as converged whether that residual is at most {@code 1e-5 ||b||}.
     *
     * @throws IllegalArgumentException (from the solver) when Aeff is singular
     */
    public static LinearSolver solveInv(InvOptions options) {
        requireOptions("solveInv", options);
        return (a, b) -> {
            LinearOperator aeff = LinearOperators.withRidge(requireOperator("solveInv", a), options.ridge());
            // TorchOpt tests for a 0-dim b before looking at ns: a scalar is always divided exactly
            return options.ns() && !isScalar(b) ? Neumann.series("solveInv", aeff, b, options.neumann())
                    : Dense.solve("solveInv", aeff, b, false);
        };
    }

    /** {@link #solveLu(double)} without a ridge. */
    public static LinearSolver solveLu() {
        return solveLu(0.0);
    }

    /**
     * JAXopt's {@code solve_lu}: materializes {@code A + ridge I} (leaves of b flattened into one vector) and
     * solves by LU with partial pivoting; differentiable through {@link DenseSolve}.
     *
     * @throws IllegalArgumentException for a non-finite ridge, and (from the solver) a singular matrix
     */
    public static LinearSolver solveLu(double ridge) {
        Checks.finite("solveLu", "ridge", ridge);
        return (a, b) -> Dense.solve("solveLu", LinearOperators.withRidge(requireOperator("solveLu", a), ridge), b, false);
    }

    /** {@link #solveCholesky(double)} without a ridge. */
    public static LinearSolver solveCholesky() {
        return solveCholesky(0.0);
    }

    /**
     * JAXopt's {@code solve_cholesky}: materializes {@code A + ridge I} and solves by {@code L Lᵀ}.
     *
     * @throws IllegalArgumentException for a non-finite ridge, and (from the solver) a matrix that is not
     *                                  symmetric positive definite
     */
    public static LinearSolver solveCholesky(double ridge) {
        Checks.finite("solveCholesky", "ridge", ridge);
        return (a, b) -> Dense.solve("solveCholesky", LinearOperators.withRidge(requireOperator("solveCholesky", a), ridge),
                b, true);
    }

    /** {@link #solveGmres(GmresOptions)} with {@link GmresOptions#defaults()}. */
    public static LinearSolver solveGmres() {
        return solveGmres(GmresOptions.defaults());
    }

    /**
     * JAXopt's {@code solve_gmres}: restarted GMRES on {@code (A + ridge I) x = b} for any nonsingular A; see
     * {@link GmresOptions} for the settings. Each cycle of at most {@code restart} Arnoldi steps builds an
     * orthonormal Krylov basis {@code V} of {@code span(r, A r, A² r, ...)} from {@code r = b − A x} and moves to
     * {@code x + V y} with {@code y = argmin ||β e₁ − H y||} (H the Hessenberg matrix of the steps, β = ||r||);
     * it stops once {@code ||r||² <= max(rtol² ||b||², atol²)} or after {@code maxIter} steps in all. With a
     * {@link GmresOptions#withPreconditioner right preconditioner} {@code M} the steps run on {@code A M} and the
     * move is {@code x + M V y}; the residual tested and reported is still {@code b − A x}.
     */
    public static LinearSolver solveGmres(GmresOptions options) {
        requireOptions("solveGmres", options);
        return (a, b) -> Gmres.solve("solveGmres", a, b, options);
    }

    /** {@link #solveBicgstab(SolverOptions)} with {@link SolverOptions#defaults()}. */
    public static LinearSolver solveBicgstab() {
        return solveBicgstab(SolverOptions.defaults());
    }

    /**
     * JAXopt's {@code solve_bicgstab}: BiCGStab (van der Vorst) on {@code (A + ridge I) x = b} for any
     * nonsingular A, right-preconditioned by the options' {@code M} if any (identity otherwise). From
     * {@code r = r̂ = b − A x}, each iteration takes {@code ρ' = r̂·r}, {@code p = r + (ρ'/ρ)(α/ω)(p − ω v)}
     * (p = r at first), {@code p̂ = M p}, {@code v = A p̂}, {@code α = ρ'/(r̂·v)}, {@code s = r − α v},
     * {@code ŝ = M s}, {@code t = A ŝ}, {@code ω = (t·s)/(t·t)}, {@code x = x + α p̂ + ω ŝ}, {@code r = s − ω t};
     * it stops once {@code ||r||² <= max(rtol² ||b||², atol²)}, after {@code maxIter} iterations (0: the start
     * point is returned), or at a breakdown (a zero denominator), reported as not converged.
     */
    public static LinearSolver solveBicgstab(SolverOptions options) {
        requireOptions("solveBicgstab", options);
        return (a, b) -> Bicgstab.solve("solveBicgstab", a, b, options);
    }

    /**
     * {@code torchopt.linalg.ns}: {@code x = α Σ_{k=0}^{maxIter} (I − αA)^k b} (maxIter + 1 terms; without
     * alpha, α = 1 and no final scaling), computed as {@code v = b; s = b; repeat maxIter times: v = v − α A v;
     * s = s + v; x = α s}. Converges when the spectral radius of {@code I − αA} is below 1.
     *
     * @return the tree x
     * @throws IllegalArgumentException for a shape mismatch or non-finite b
     * @throws ArithmeticException      when the series diverges to non-finite values
     */
    public static Object neumannSeries(LinearOperator a, Object b, NeumannOptions options) {
        return Neumann.series("neumannSeries", a, b, options).x();
    }

    /**
     * {@code torchopt.linalg.ns_inv}: the matrix {@code α Σ_{k=0}^{maxIter−1} (I − αA)^k} approximating
     * {@code A⁻¹}, with maxIter terms (one fewer than {@link #neumannSeries}); differentiable in A.
     *
     * @throws IllegalArgumentException when A is not a finite square matrix
     */
    public static Tensor neumannInverse(Tensor a, NeumannOptions options) {
        return Neumann.inverse("neumannInverse", a, options);
    }

    /** Whether {@code b} is one 0-dim tensor (a tree with a single 0-dim leaf), the scalar case of solveInv. */
    private static boolean isScalar(Object b) {
        List<Tensor> leaves;
        try {
            leaves = b == null ? List.of() : Trees.leaves(b);
        } catch (IllegalArgumentException e) {
            return false; // not a tree: the solver itself reports it
        }
        return leaves.size() == 1 && leaves.get(0).dim() == 0;
    }

    private static void requireOptions(String op, Object options) {
        if (options == null) {
            throw new IllegalArgumentException(op + ": options are null; start from the defaults()");
        }
    }

    private static LinearOperator requireOperator(String op, LinearOperator a) {
        if (a == null) {
            throw new IllegalArgumentException(op + ": the operator A is null");
        }
        return a;
    }
}
