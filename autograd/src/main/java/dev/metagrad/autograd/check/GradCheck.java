package dev.metagrad.autograd.check;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Indexing;
import dev.metagrad.autograd.ops.Views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finite-difference checks of gradients, with torch.autograd.gradcheck / gradgradcheck semantics and
 * defaults: central differences {@code (f(x + eps) - f(x - eps)) / 2 eps} in float64 with eps = 1e-6,
 * accepted when {@code |analytical - numerical| <= atol + rtol |numerical|} with atol = 1e-5, rtol = 1e-3.
 *
 * <p>The full mode compares every Jacobian entry; the fast mode compares the projection
 * {@code v^T J u} for random u, v (one backward and two forward evaluations per input). Only inputs that
 * require grad are differentiated; they must be float64.
 */
public final class GradCheck {
    private GradCheck() {
    }

    /**
     * Settings of a check.
     *
     * @param eps            finite-difference step
     * @param atol           absolute tolerance
     * @param rtol           relative tolerance
     * @param fastMode       compare random projections instead of the full Jacobian
     * @param raiseException throw a {@link GradcheckException} on failure (else return false)
     * @param seed           seed of the random projections and gradOutputs
     */
    public record Options(double eps, double atol, double rtol, boolean fastMode, boolean raiseException, long seed) {
        /** torch's defaults: eps 1e-6, atol 1e-5, rtol 1e-3, full Jacobian, raising. */
        public static Options defaults() {
            return new Options(1e-6, 1e-5, 1e-3, false, true, 0);
        }

        /** Same options with another eps. */
        public Options withEps(double value) {
            return new Options(value, atol, rtol, fastMode, raiseException, seed);
        }

        /** Same options with other tolerances. */
        public Options withTolerances(double absolute, double relative) {
            return new Options(eps, absolute, relative, fastMode, raiseException, seed);
        }

        /** Same options in fast (projection) or full mode. */
        public Options withFastMode(boolean value) {
            return new Options(eps, atol, rtol, value, raiseException, seed);
        }

        /** Same options, returning false instead of throwing when {@code value} is false. */
        public Options withRaiseException(boolean value) {
            return new Options(eps, atol, rtol, fastMode, value, seed);
        }

        /** Same options with another random seed. */
        public Options withSeed(long value) {
            return new Options(eps, atol, rtol, fastMode, raiseException, value);
        }
    }

    /** {@link #gradcheck(TensorFunction, Options, Tensor...)} with torch's defaults. */
    public static boolean gradcheck(TensorFunction f, Tensor... inputs) {
        return gradcheck(f, Options.defaults(), inputs);
    }

    /**
     * Checks first derivatives of {@code f} at {@code inputs} against central differences.
     *
     * @return true when they agree; false on mismatch if {@code raiseException} is off
     * @throws GradcheckException on mismatch when {@code raiseException} is on
     */
    public static boolean gradcheck(TensorFunction f, Options options, Tensor... inputs) {
        List<Integer> diff = differentiable("gradcheck", inputs);
        String failure = options.fastMode() ? checkFast(f, options, inputs, diff) : checkFull(f, options, inputs, diff);
        if (failure == null) {
            return true;
        }
        if (options.raiseException()) {
            throw new GradcheckException(failure);
        }
        return false;
    }

    /** {@link #gradgradcheck(TensorFunction, Options, Tensor...)} with torch's defaults. */
    public static boolean gradgradcheck(TensorFunction f, Tensor... inputs) {
        return gradgradcheck(f, Options.defaults(), inputs);
    }

    /**
     * Checks second derivatives: with random gradOutputs v (themselves differentiated), gradchecks the
     * function {@code (inputs, v) -> grad(f(inputs), inputs, v, createGraph)}.
     */
    public static boolean gradgradcheck(TensorFunction f, Options options, Tensor... inputs) {
        List<Integer> diff = differentiable("gradgradcheck", inputs);
        Tensor out = f.apply(inputs);
        Generator rng = new Generator(options.seed() + 7919);
        Tensor v = Tensor.randn(rng, out.dtype(), out.shape()).requiresGrad(true);
        int n = inputs.length;
        TensorFunction firstDerivatives = all -> {
            Tensor[] xs = Arrays.copyOf(all, n);
            Tensor seed = all[n];
            Tensor y = f.apply(xs);
            Tensor[] targets = diff.stream().map(i -> xs[i]).toArray(Tensor[]::new);
            if (!y.requiresGrad()) {
                return Tensor.zeros(DType.FLOAT64, totalSize(targets));
            }
            Tensor[] gs = Autograd.gradOf(y).inputs(targets).gradOutputs(seed).createGraph(true)
                    .materializeGrads(true).compute();
            List<Tensor> flat = new ArrayList<>();
            for (Tensor g : gs) {
                flat.add(Views.reshape(g, -1));
            }
            return Indexing.cat(flat, 0);
        };
        Tensor[] extended = Arrays.copyOf(inputs, n + 1);
        extended[n] = v;
        return gradcheck(firstDerivatives, options, extended);
    }

    private static int totalSize(Tensor[] ts) {
        int s = 0;
        for (Tensor t : ts) {
            s += t.numel();
        }
        return s;
    }

    private static List<Integer> differentiable(String op, Tensor[] inputs) {
        List<Integer> diff = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            Tensor x = inputs[i];
            if (x != null && x.requiresGrad()) {
                if (x.dtype() != DType.FLOAT64) {
                    throw new IllegalArgumentException(op + ": input " + i + " is " + x.dtype() + " " + Shape.str(x.shape())
                            + "; finite differences need float64 inputs");
                }
                diff.add(i);
            }
        }
        if (diff.isEmpty()) {
            throw new IllegalArgumentException(op + ": no input requires grad; mark the inputs to check with requiresGrad(true)");
        }
        return diff;
    }

    /** f at the inputs with input {@code which} replaced by {@code data}, as doubles. */
    private static double[] evaluate(TensorFunction f, Tensor[] inputs, int which, double[] data) {
        Tensor[] xs = inputs.clone();
        Tensor orig = inputs[which];
        xs[which] = Tensor.of(data, orig.dtype(), orig.shape()).requiresGrad(orig.requiresGrad());
        return f.apply(xs).toDoubleArray();
    }

    private static String checkFull(TensorFunction f, Options o, Tensor[] inputs, List<Integer> diff) {
        Tensor out = f.apply(inputs);
        int m = out.numel();
        Tensor[] targets = diff.stream().map(i -> inputs[i]).toArray(Tensor[]::new);
        // analytical[t][j][k] = d out_j / d input_t[k]
        double[][][] analytical = new double[targets.length][m][];
        for (int j = 0; j < m; j++) {
            double[] e = new double[m];
            e[j] = 1.0;
            Tensor[] gs = out.requiresGrad()
                    ? Autograd.gradOf(out).inputs(targets).gradOutputs(Tensor.of(e, out.dtype(), out.shape()))
                        .retainGraph(true).materializeGrads(true).compute()
                    : null;
            for (int t = 0; t < targets.length; t++) {
                analytical[t][j] = gs == null ? new double[targets[t].numel()] : gs[t].toDoubleArray();
            }
        }
        for (int t = 0; t < targets.length; t++) {
            int which = diff.get(t);
            double[] x = inputs[which].toDoubleArray();
            for (int k = 0; k < x.length; k++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[k] += o.eps();
                minus[k] -= o.eps();
                double[] fp = evaluate(f, inputs, which, plus);
                double[] fm = evaluate(f, inputs, which, minus);
                for (int j = 0; j < m; j++) {
                    double numerical = (fp[j] - fm[j]) / (2 * o.eps());
                    double a = analytical[t][j][k];
                    if (!close(a, numerical, o)) {
                        return "Jacobian mismatch for output " + Shape.str(out.shape()) + " element " + j
                                + " with respect to input " + which + " " + Shape.str(inputs[which].shape()) + " element " + k
                                + ": numerical " + numerical + ", analytical " + a
                                + " (atol " + o.atol() + ", rtol " + o.rtol() + ")";
                    }
                }
            }
        }
        return null;
    }

    private static String checkFast(TensorFunction f, Options o, Tensor[] inputs, List<Integer> diff) {
        Generator rng = new Generator(o.seed());
        Tensor out = f.apply(inputs);
        Tensor v = Tensor.randn(rng, out.dtype(), out.shape());
        double[] vs = v.toDoubleArray();
        Tensor[] targets = diff.stream().map(i -> inputs[i]).toArray(Tensor[]::new);
        Tensor[] gs = out.requiresGrad()
                ? Autograd.gradOf(out).inputs(targets).gradOutputs(v).materializeGrads(true).compute()
                : null;
        for (int t = 0; t < targets.length; t++) {
            int which = diff.get(t);
            double[] x = inputs[which].toDoubleArray();
            double[] u = Tensor.randn(rng, x.length).toDoubleArray();
            double[] g = gs == null ? new double[x.length] : gs[t].toDoubleArray();
            double analytical = 0;
            double[] plus = x.clone();
            double[] minus = x.clone();
            for (int k = 0; k < x.length; k++) {
                analytical += g[k] * u[k];
                plus[k] += o.eps() * u[k];
                minus[k] -= o.eps() * u[k];
            }
            double[] fp = evaluate(f, inputs, which, plus);
            double[] fm = evaluate(f, inputs, which, minus);
            double numerical = 0;
            for (int j = 0; j < vs.length; j++) {
                numerical += vs[j] * (fp[j] - fm[j]) / (2 * o.eps());
            }
            if (!close(analytical, numerical, o)) {
                return "Jacobian projection mismatch (fast mode) with respect to input " + which + " "
                        + Shape.str(inputs[which].shape()) + ": numerical v^T J u = " + numerical + ", analytical "
                        + analytical + "; rerun with withFastMode(false) to find the element";
            }
        }
        return null;
    }

    private static boolean close(double analytical, double numerical, Options o) {
        return Math.abs(analytical - numerical) <= o.atol() + o.rtol() * Math.abs(numerical);
    }
}
