package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.ConformanceCase;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.conformance.Tolerance;
import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One case of {@code maml_sine_f64.json}: replays the whole MAML run from the case's {@code init_params}
 * and {@code batches} under its {@code config}, then compares, in the order FORMAT-maml.md M.5 suggests
 * (so the first failure localises the bug), the inner losses, adapted parameters, query losses,
 * meta-losses, first meta-gradient, first Adam step and final parameters, each with the case's
 * {@code tolerance} entry.
 */
public final class MamlSineCase implements ConformanceCase {
    /** The algorithm name reported as the case's op. */
    public static final String OP = "maml-sine";
    /** Tolerance for losses and adapted parameters when a case gives none (M.6 floors). */
    static final Tolerance LOSS_FLOOR = new Tolerance(1e-10, 1e-12);
    /** Tolerance for gradients and outer-step parameters when a case gives none (M.6 floors). */
    static final Tolerance PARAM_FLOOR = new Tolerance(1e-9, 1e-11);

    private final String id;
    private final Map<String, Object> data;

    /**
     * A case over its parsed JSON object.
     *
     * @param id   the case id (a placeholder when the file lacks one)
     * @param data the case's object
     */
    public MamlSineCase(String id, Map<String, Object> data) {
        this.id = id;
        this.data = data;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String op() {
        return OP;
    }

    @Override
    public String kind() {
        return Boolean.TRUE.equals(config().get("first_order")) ? "first_order" : "second_order";
    }

    private Map<?, ?> config() {
        return data.get("config") instanceof Map<?, ?> m ? m : Map.of();
    }

    @Override
    public CaseResult run() {
        try {
            return check();
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            return CaseResult.error(id, OP, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private CaseResult check() {
        GoldenConfig config = GoldenConfig.parse(data.get("config"));
        List<Tensor> theta = tensors("init_params");
        checkLayers(config, theta);
        List<List<SineTask>> batches = batches(config);
        MamlRun.Record run;
        try (MetaLearner learner = new MetaLearner(config.maml(), 1)) {
            OuterOptimizer adam = OuterOptimizers.adam(config.outerLr(), config.beta1(), config.beta2(), config.eps());
            run = MamlRun.replay(new MetaTrainer(learner, adam, theta), batches);
        }
        CaseResult r;
        if ((r = numbers("inner_losses_first_task", run.innerLossesFirstTask(), LOSS_FLOOR)) != null
                || (r = params("adapted_params_first_task", run.adaptedFirstTask(), LOSS_FLOOR)) != null
                || (r = numbers("query_losses_first_iteration", run.queryLossesFirstIteration(), LOSS_FLOOR)) != null
                || (r = numbers("meta_losses", run.metaLosses(), LOSS_FLOOR)) != null
                || (r = params("meta_grads_first_iteration", run.metaGradsFirstIteration(), PARAM_FLOOR)) != null
                || (r = params("params_after_first_step", run.paramsAfterFirstStep(), PARAM_FLOOR)) != null
                || (r = params("params_after", run.paramsAfter(), PARAM_FLOOR)) != null) {
            return r;
        }
        return CaseResult.pass(id, OP);
    }

    private static void checkLayers(GoldenConfig config, List<Tensor> theta) {
        int[] l = config.layers();
        if (theta.size() != 2 * (l.length - 1)) {
            throw new IllegalArgumentException("init_params: " + theta.size() + " tensors for layers " + Arrays.toString(l));
        }
        for (int i = 0; i + 1 < l.length; i++) {
            if (!Arrays.equals(theta.get(2 * i).shape(), new int[] {l[i + 1], l[i]})
                    || !Arrays.equals(theta.get(2 * i + 1).shape(), new int[] {l[i + 1]})) {
                throw new IllegalArgumentException("init_params: layer " + i + " shapes do not match layers " + Arrays.toString(l));
            }
        }
    }

    private List<List<SineTask>> batches(GoldenConfig config) {
        List<?> raw = list(data.get("batches"), "batches");
        if (raw.size() != config.iterations()) {
            throw new IllegalArgumentException("batches: " + raw.size() + " entries but meta_iterations is " + config.iterations());
        }
        List<List<SineTask>> batches = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            List<?> tasks = list(raw.get(i), "batches[" + i + "]");
            if (tasks.size() != config.tasks()) {
                throw new IllegalArgumentException("batches[" + i + "]: " + tasks.size() + " tasks but n_tasks is " + config.tasks());
            }
            List<SineTask> batch = new ArrayList<>(tasks.size());
            for (int t = 0; t < tasks.size(); t++) {
                String what = "batches[" + i + "][" + t + "]";
                if (!(tasks.get(t) instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException(what + ": expected an object, got " + Json.describe(tasks.get(t)));
                }
                batch.add(new SineTask(column(m, "support_x", config.support(), what), column(m, "support_y", config.support(), what),
                        column(m, "query_x", config.query(), what), column(m, "query_y", config.query(), what),
                        optional(m.get("amplitude")), optional(m.get("phase"))));
            }
            batches.add(batch);
        }
        return batches;
    }

    private static Tensor column(Map<?, ?> task, String key, int rows, String what) {
        Tensor t = GoldenTensors.decode(task.get(key), what + "." + key);
        if (!Arrays.equals(t.shape(), new int[] {rows, 1})) {
            throw new IllegalArgumentException(what + "." + key + ": expected shape [" + rows + ", 1], got " + Arrays.toString(t.shape()));
        }
        return t;
    }

    private static double optional(Object v) {
        return v == null ? Double.NaN : Json.toDouble(v);
    }

    private List<Tensor> tensors(String key) {
        List<?> raw = list(data.get(key), key);
        List<Tensor> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(GoldenTensors.decode(raw.get(i), key + "[" + i + "]"));
        }
        return out;
    }

    private static List<?> list(Object value, String what) {
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException(what + ": expected an array, got " + Json.describe(value));
        }
        return l;
    }

    private Tolerance tolerance(String field, Tolerance floor) {
        if (data.get("tolerance") instanceof Map<?, ?> all && all.get(field) instanceof Map<?, ?> t) {
            return new Tolerance(Json.toDouble(t.get("rtol")), Json.toDouble(t.get("atol")));
        }
        return floor;
    }

    /** Null when the field matches (or the case omits it), else the failure. */
    private CaseResult numbers(String field, double[] actual, Tolerance floor) {
        if (!data.containsKey(field)) {
            return null;
        }
        List<?> raw = list(data.get(field), field);
        double[] expected = new double[raw.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Json.toDouble(raw.get(i));
        }
        return verdict(field, tolerance(field, floor).compare(actual, expected));
    }

    private CaseResult params(String field, List<Tensor> actual, Tolerance floor) {
        if (!data.containsKey(field)) {
            return null;
        }
        List<Tensor> expected = tensors(field);
        if (expected.size() != actual.size()) {
            return CaseResult.malformed(id, OP, field, actual.size() + " tensors != expected " + expected.size());
        }
        Tolerance tol = tolerance(field, floor);
        for (int i = 0; i < expected.size(); i++) {
            CaseResult r = verdict(field + "[" + i + "]", tol.compare(actual.get(i), expected.get(i)));
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private CaseResult verdict(String field, Tolerance.Comparison c) {
        if (c.passed()) {
            return null;
        }
        return c.problem() != null ? CaseResult.malformed(id, OP, field, c.problem())
                : CaseResult.mismatch(id, OP, field, c.worstAbs(), c.worstRel());
    }
}
