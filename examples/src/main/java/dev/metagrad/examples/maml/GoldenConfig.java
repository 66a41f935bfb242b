package dev.metagrad.examples.maml;

import dev.metagrad.json.Json;

import java.util.List;
import java.util.Map;

/**
 * The {@code config} object of a {@code maml-sine} case (FORMAT-maml.md M.2), checked for what this
 * runner implements: a ReLU MLP, SGD inner loop on mean MSE, mean over tasks, and torch Adam without
 * weight decay, amsgrad or maximize. Anything else is rejected by name rather than silently ignored.
 *
 * @param layers     network widths, e.g. {@code [1, H, H, 1]}
 * @param tasks      T, tasks per meta-batch
 * @param support    S, support points per task
 * @param query      Q, query points per task
 * @param maml       inner steps, inner learning rate and first/second order
 * @param outerLr    Adam learning rate
 * @param beta1      Adam beta1
 * @param beta2      Adam beta2
 * @param eps        Adam eps
 * @param iterations N, meta-iterations
 */
public record GoldenConfig(int[] layers, int tasks, int support, int query, MamlConfig maml, double outerLr,
                           double beta1, double beta2, double eps, int iterations) {
    /**
     * Reads a case's config.
     *
     * @throws IllegalArgumentException for a missing or ill-typed field, or a setting this runner does not implement
     */
    public static GoldenConfig parse(Object value) {
        if (!(value instanceof Map<?, ?> c)) {
            throw new IllegalArgumentException("config: expected an object, got " + Json.describe(value));
        }
        expect(c, "activation", "relu");
        expect(c, "inner_optimizer", "sgd");
        expect(c, "inner_loss", "mse_mean");
        expect(c, "query_loss", "mse_mean");
        expect(c, "meta_loss", "mean_over_tasks");
        expect(c, "outer_optimizer", "Adam");
        if (c.containsKey("dtype")) {
            expect(c, "dtype", "float64");
        }
        if (number(c, "outer_weight_decay", 0.0) != 0.0) {
            throw new IllegalArgumentException("config.outer_weight_decay: only 0 is supported, got " + c.get("outer_weight_decay"));
        }
        if (Boolean.TRUE.equals(c.get("outer_amsgrad")) || Boolean.TRUE.equals(c.get("outer_maximize"))) {
            throw new IllegalArgumentException("config: outer_amsgrad and outer_maximize are not supported");
        }
        List<?> layerList = list(c, "layers");
        int[] layers = new int[layerList.size()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = (int) Json.toDouble(layerList.get(i));
        }
        List<?> betas = list(c, "outer_betas");
        if (betas.size() != 2) {
            throw new IllegalArgumentException("config.outer_betas: expected 2 numbers, got " + betas.size());
        }
        Object fo = c.containsKey("first_order") ? c.get("first_order") : Boolean.FALSE;
        if (!(fo instanceof Boolean firstOrder)) {
            throw new IllegalArgumentException("config.first_order: expected a boolean, got " + Json.describe(fo));
        }
        MamlConfig maml = new MamlConfig(integer(c, "inner_steps"), number(c, "inner_lr", Double.NaN), firstOrder);
        return new GoldenConfig(layers, integer(c, "n_tasks"), integer(c, "n_support"), integer(c, "n_query"), maml,
                number(c, "outer_lr", Double.NaN), Json.toDouble(betas.get(0)), Json.toDouble(betas.get(1)),
                number(c, "outer_eps", Double.NaN), integer(c, "meta_iterations"));
    }

    private static void expect(Map<?, ?> c, String key, String wanted) {
        Object v = c.get(key);
        if (!wanted.equals(v)) {
            throw new IllegalArgumentException("config." + key + ": only \"" + wanted + "\" is supported, got " + Json.describe(v));
        }
    }

    private static List<?> list(Map<?, ?> c, String key) {
        if (!(c.get(key) instanceof List<?> l)) {
            throw new IllegalArgumentException("config." + key + ": expected an array, got " + Json.describe(c.get(key)));
        }
        return l;
    }

    private static double number(Map<?, ?> c, String key, double fallback) {
        if (!c.containsKey(key)) {
            if (Double.isNaN(fallback)) {
                throw new IllegalArgumentException("config." + key + ": missing");
            }
            return fallback;
        }
        try {
            return Json.toDouble(c.get(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config." + key + ": " + e.getMessage(), e);
        }
    }

    private static int integer(Map<?, ?> c, String key) {
        double d = number(c, key, Double.NaN);
        if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("config." + key + ": expected a non-negative integer, got " + c.get(key));
        }
        return (int) d;
    }
}
