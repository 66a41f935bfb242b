package dev.metagrad.zeroorder;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.TensorFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The arithmetic of the estimators of {@link Method}, for noise already drawn. Returns the estimates
 * without the incoming gradient γ, which the caller multiplies in as a tensor so that it stays in the graph.
 */
final class Estimator {
    private Estimator() {
    }

    /**
     * Computes {@code (1/N) Σ_k c_k · u_{k,j}} for each differentiated argument j, where c_k is the
     * method's per-sample coefficient (for example {@code f(θ + σu_k) / σ} for NAIVE).
     *
     * @param f        the function, evaluated without recording
     * @param inputs   the arguments (detached)
     * @param argnums  indices of the differentiated arguments
     * @param noises   noises.get(k)[j] = u_{k,j}, with the shape of inputs[argnums[j]]
     * @param baseline f(θ), used by FORWARD only
     * @param threads  evaluations in flight at once; 1 evaluates on the calling thread
     */
    static Tensor[] estimate(TensorFunction f, Tensor[] inputs, int[] argnums, Method method, double sigma,
                             List<Tensor[]> noises, double baseline, int threads) {
        int n = noises.size();
        double[] coefficient = coefficients(f, inputs, argnums, method, sigma, noises, baseline, threads);
        Tensor[] out = new Tensor[argnums.length];
        for (int j = 0; j < argnums.length; j++) {
            double[] acc = new double[inputs[argnums[j]].numel()];
            // summed in sample order whatever the thread count, so parallel runs give identical bits
            for (int k = 0; k < n; k++) {
                double[] u = noises.get(k)[j].toDoubleArray();
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += coefficient[k] * u[i];
                }
            }
            for (int i = 0; i < acc.length; i++) {
                acc[i] /= n;
            }
            out[j] = Tensor.of(acc, inputs[argnums[j]].shape());
        }
        return out;
    }

    /** The per-sample coefficients c_k, evaluated sequentially or on a pool of {@code threads}. */
    private static double[] coefficients(TensorFunction f, Tensor[] inputs, int[] argnums, Method method,
                                         double sigma, List<Tensor[]> noises, double baseline, int threads) {
        int n = noises.size();
        double[] c = new double[n];
        if (threads <= 1 || n == 1) {
            for (int k = 0; k < n; k++) {
                c[k] = coefficient(f, inputs, argnums, method, sigma, noises.get(k), baseline);
            }
            return c;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n));
        try {
            List<Future<Double>> futures = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                Tensor[] u = noises.get(k);
                futures.add(pool.submit(() -> coefficient(f, inputs, argnums, method, sigma, u, baseline)));
            }
            for (int k = 0; k < n; k++) {
                c[k] = futures.get(k).get();
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("zero-order estimate interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("zero-order function evaluation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static double coefficient(TensorFunction f, Tensor[] inputs, int[] argnums, Method method,
                                      double sigma, Tensor[] u, double baseline) {
        // grad mode is per thread: pool threads must switch recording off themselves
        try (GradMode.Scope scope = GradMode.noGrad()) {
            double plus = evaluate(f, perturbed(inputs, argnums, u, sigma));
            return switch (method) {
                case NAIVE -> plus * (1 / sigma);
                case FORWARD -> (plus - baseline) / sigma;
                case ANTITHETIC -> (plus - evaluate(f, perturbed(inputs, argnums, u, -sigma))) * (0.5 / sigma);
            };
        }
    }

    /** The inputs with every differentiated argument j replaced by θ_j + scale·u_j. */
    private static Tensor[] perturbed(Tensor[] inputs, int[] argnums, Tensor[] u, double scale) {
        Tensor[] p = inputs.clone();
        for (int j = 0; j < argnums.length; j++) {
            p[argnums[j]] = inputs[argnums[j]].add(u[j].mul(scale));
        }
        return p;
    }

    /** f's value as a double, checking that it is a scalar. */
    static double evaluate(TensorFunction f, Tensor[] inputs) {
        Tensor out = f.apply(inputs);
        if (out == null || out.numel() != 1) {
            throw new IllegalArgumentException("zero-order: the function must return a scalar (one element), got "
                    + (out == null ? "null" : "shape " + java.util.Arrays.toString(out.shape())));
        }
        return out.item();
    }
}
