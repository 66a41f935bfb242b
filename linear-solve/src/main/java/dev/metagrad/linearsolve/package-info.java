/**
 * Matrix-free linear solvers over tensor trees: conjugate gradients ({@code cg}, {@code solveCg}),
 * normal-equation CG ({@code solveNormalCg}), Neumann series, GMRES, BiCGStab and dense LU/Cholesky solves.
 * Arrives with the linear-solve and implicit issue; nothing lives here yet.
 */
package dev.metagrad.linearsolve;
