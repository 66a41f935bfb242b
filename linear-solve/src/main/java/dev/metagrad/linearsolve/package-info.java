/**
 * Matrix-free linear solvers over tensor trees, for implicit differentiation: conjugate gradients
 * ({@link dev.metagrad.linearsolve.Cg}, {@code LinearSolve.solveCg}), normal-equation CG, truncated Neumann
 * series, restarted GMRES, BiCGStab, and dense LU / Cholesky solves of the materialized operator
 * ({@link dev.metagrad.linearsolve.DenseSolve}). Entry point: {@link dev.metagrad.linearsolve.LinearSolve}.
 * Everything is built from differentiable tensor ops, so solutions can be differentiated again.
 */
package dev.metagrad.linearsolve;
