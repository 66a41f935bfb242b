package dev.metagrad.implicit.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.implicit.CustomRootOptions;
import dev.metagrad.implicit.RootSolver;

import java.util.List;

/** One {@code problem} of the golden {@code implicit} cases (FORMAT-torchopt.md §9.1, §9.2). */
interface GoldenProblem {
    /** The names of the solver's arguments after {@code z0}, in call order (argnum i is the i-th name, from 1). */
    List<String> argNames();

    /** The argument values from the case's {@code data}, in {@link #argNames()} order. */
    List<Tensor> args();

    /** The initial guess {@code z0}. */
    Tensor z0();

    /** The inner solver wrapped by {@code customRoot} (or {@code customFixedPoint}) with these options. */
    RootSolver rootSolver(CustomRootOptions options);

    /** The outer loss of the solution. */
    Tensor outerLoss(Tensor solution);

    /** The field holding the expected solution ({@code w_star} or {@code x_star}). */
    String solutionField();
}
