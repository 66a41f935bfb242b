package dev.metagrad.optim.conformance;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.json.Json;
import dev.metagrad.nn.Functional;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.AdamOptions;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.By;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.ModuleState;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.SgdOptions;
import dev.metagrad.optim.StateDicts;
import dev.metagrad.optim.Updates;
import dev.metagrad.optim.meta.MetaAdam;
import dev.metagrad.optim.meta.MetaOptimizer;
import dev.metagrad.optim.meta.MetaSGD;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kind {@code meta} (FORMAT-torchopt.md section 7): MAML meta-gradients through {@link MetaSGD} /
 * {@link MetaAdam}. Modes: {@code second_order} ({@link MetaOptimizer#step}), {@code first_order} (the
 * functional API with detached gradients) and {@code roundtrip} ({@link StateDicts} extract / recover between
 * two tasks, gradients accumulated by {@code backward}).
 */
final class MetaCase {
    private MetaCase() {
    }

    static CaseResult run(Golden c) {
        String mode = String.valueOf(c.get("mode"));
        return switch (mode) {
            case "second_order" -> secondOrder(c);
            case "first_order" -> firstOrder(c);
            case "roundtrip" -> roundtrip(c);
            default -> CaseResult.error(c.id, c.op, "unknown meta mode " + mode);
        };
    }

    private static int steps(Golden c) {
        return (int) Json.toDouble(c.get("inner_steps"));
    }

    /** MetaSGD or MetaAdam on {@code model} with the case's options over the Meta class's defaults. */
    private static MetaOptimizer metaOptimizer(Golden c, Module model) {
        String name = String.valueOf(c.get("inner_optimizer"));
        return switch (name) {
            case "MetaSGD" -> new MetaSGD(model, (SgdOptions) GoldenOptions.metaOptions(name, c.get("options"), MetaSGD.defaults()));
            case "MetaAdam" -> new MetaAdam(model, (AdamOptions) GoldenOptions.metaOptions(name, c.get("options"), MetaAdam.defaults()));
            default -> throw new IllegalArgumentException("unknown inner_optimizer " + name);
        };
    }

    /** The functional alias ({@code torchopt.sgd} / {@code torchopt.adam}) with the case's options. */
    private static GradientTransformation functional(Golden c) {
        String name = String.valueOf(c.get("inner_optimizer"));
        return switch (name) {
            case "MetaSGD" -> Alias.sgd((SgdOptions) GoldenOptions.metaOptions(name, c.get("options"), SgdOptions.defaults()));
            case "MetaAdam" -> Alias.adam((AdamOptions) GoldenOptions.metaOptions(name, c.get("options"), AdamOptions.defaults()));
            default -> throw new IllegalArgumentException("unknown inner_optimizer " + name);
        };
    }

    private static CaseResult secondOrder(Golden c) {
        List<Tensor> theta0 = GoldenTensors.decodeList(c.get("params0"), "params0");
        Module model = MetaProblem.model(Golden.object(c.get("model"), "model"), theta0);
        MetaOptimizer opt = metaOptimizer(c, model);
        CaseResult r = innerLoop(c, "", model, opt, c.data);
        if (r != null) {
            return r;
        }
        Tensor query = MetaProblem.loss(model, Golden.object(c.get("query"), "query"), "query");
        r = compareQuery(c, "", query, Json.toDouble(c.get("query_loss")));
        if (r != null) {
            return r;
        }
        List<Tensor> grads = List.of(Autograd.gradOf(query).inputs(theta0).compute());
        r = c.compare("meta_grads", grads, GoldenTensors.decodeList(c.get("meta_grads"), "meta_grads"), c.tolerance("meta_grads"));
        return r != null ? r : CaseResult.pass(c.id, c.op);
    }

    /**
     * K steps of {@code opt} on the support set of {@code task}, comparing {@code inner_losses} and
     * {@code params_after_step}; null when they match.
     */
    private static CaseResult innerLoop(Golden c, String prefix, Module model, MetaOptimizer opt, Map<String, Object> task) {
        int k = steps(c);
        Map<String, Object> support = Golden.object(task.get("support"), prefix + "support");
        List<?> after = Json.asList(task.get("params_after_step"), prefix + "params_after_step");
        if (after.size() != k) {
            return CaseResult.malformed(c.id, c.op, prefix + "params_after_step", after.size() + " entries for " + k + " steps");
        }
        double[] losses = new double[k];
        for (int s = 0; s < k; s++) {
            Tensor loss = MetaProblem.loss(model, support, prefix + "support");
            losses[s] = loss.item();
            opt.step(loss);
            String field = prefix + "params_after_step[" + s + "]";
            CaseResult r = c.compare(field, new ArrayList<>(model.namedParameters().values()),
                    GoldenTensors.decodeList(after.get(s), field), c.tolerance("params_after_step"));
            if (r != null) {
                return r;
            }
        }
        return c.compare(prefix + "inner_losses", losses, Golden.numbers(task.get("inner_losses"), prefix + "inner_losses"),
                c.tolerance("inner_losses"));
    }

    private static CaseResult compareQuery(Golden c, String prefix, Tensor query, double expected) {
        return c.compare(prefix + "query_loss", new double[] {query.item()}, new double[] {expected}, c.tolerance("query_loss"));
    }

    /** First-order MAML: gradients without create_graph, so θ_K = θ_0 + constants. */
    private static CaseResult firstOrder(Golden c) {
        List<Tensor> theta0 = GoldenTensors.decodeList(c.get("params0"), "params0");
        Module model = MetaProblem.model(Golden.object(c.get("model"), "model"), theta0);
        GradientTransformation opt = functional(c);
        Map<String, Object> support = Golden.object(c.get("support"), "support");
        Tensor x = MetaProblem.x(support, "support");
        Tensor y = MetaProblem.y(support, "support");
        int k = steps(c);
        List<?> after = Json.asList(c.get("params_after_step"), "params_after_step");
        if (after.size() != k) {
            return CaseResult.malformed(c.id, c.op, "params_after_step", after.size() + " entries for " + k + " steps");
        }
        List<Tensor> theta = theta0;
        OptState state = opt.init(theta);
        double[] losses = new double[k];
        for (int s = 0; s < k; s++) {
            Tensor loss = MetaProblem.loss(Functional.call(model, theta, x), y);
            losses[s] = loss.item();
            List<Tensor> grads = List.of(Autograd.gradOf(loss).inputs(theta).compute());
            GradientTransformation.Update u = opt.update(grads, state, theta);
            state = u.state();
            theta = Updates.applyUpdates(theta, u.updates());
            String field = "params_after_step[" + s + "]";
            CaseResult r = c.compare(field, theta, GoldenTensors.decodeList(after.get(s), field), c.tolerance("params_after_step"));
            if (r != null) {
                return r;
            }
        }
        CaseResult r = c.compare("inner_losses", losses, Golden.numbers(c.get("inner_losses"), "inner_losses"), c.tolerance("inner_losses"));
        if (r != null) {
            return r;
        }
        Map<String, Object> q = Golden.object(c.get("query"), "query");
        Tensor query = MetaProblem.loss(Functional.call(model, theta, MetaProblem.x(q, "query")), MetaProblem.y(q, "query"));
        r = compareQuery(c, "", query, Json.toDouble(c.get("query_loss")));
        if (r != null) {
            return r;
        }
        List<Tensor> grads = List.of(Autograd.gradOf(query).inputs(theta0).compute());
        r = c.compare("meta_grads", grads, GoldenTensors.decodeList(c.get("meta_grads"), "meta_grads"), c.tolerance("meta_grads"));
        return r != null ? r : CaseResult.pass(c.id, c.op);
    }

    /** Two tasks from θ_0, each followed by extract/recover; meta-gradients accumulate in θ_0's grad. */
    private static CaseResult roundtrip(Golden c) {
        List<Tensor> theta0 = GoldenTensors.decodeList(c.get("params0"), "params0");
        Module model = MetaProblem.model(Golden.object(c.get("model"), "model"), theta0);
        MetaOptimizer opt = metaOptimizer(c, model);
        ModuleState netState = StateDicts.extractStateDict(model, By.REFERENCE);
        List<OptState> optState = StateDicts.extractStateDict(opt, By.REFERENCE);
        List<?> tasks = Json.asList(c.get("tasks"), "tasks");
        for (int t = 0; t < tasks.size(); t++) {
            String prefix = "tasks[" + t + "].";
            Map<String, Object> task = Golden.object(tasks.get(t), "tasks[" + t + "]");
            List<Tensor> before = grads(theta0);
            CaseResult r = innerLoop(c, prefix, model, opt, task);
            if (r != null) {
                return r;
            }
            Tensor query = MetaProblem.loss(model, Golden.object(task.get("query"), prefix + "query"), prefix + "query");
            r = compareQuery(c, prefix, query, Json.toDouble(task.get("query_loss")));
            if (r != null) {
                return r;
            }
            query.backward();
            List<Tensor> increment = new ArrayList<>();
            List<Tensor> now = grads(theta0);
            for (int i = 0; i < now.size(); i++) {
                increment.add(now.get(i).sub(before.get(i)));
            }
            r = c.compare(prefix + "meta_grads", increment, GoldenTensors.decodeList(task.get("meta_grads"), prefix + "meta_grads"),
                    c.tolerance("meta_grads"));
            if (r != null) {
                return r;
            }
            StateDicts.recoverStateDict(model, netState);
            StateDicts.recoverStateDict(opt, optState);
            for (int i = 0; i < theta0.size(); i++) {
                if (model.namedParameters().values().toArray()[i] != theta0.get(i)) {
                    return CaseResult.error(c.id, c.op, "recoverStateDict did not restore the θ_0 leaf of parameter " + i);
                }
            }
        }
        CaseResult r = c.compare("meta_grads", grads(theta0), GoldenTensors.decodeList(c.get("meta_grads"), "meta_grads"), c.tolerance("meta_grads"));
        return r != null ? r : CaseResult.pass(c.id, c.op);
    }

    /** The accumulated gradients of {@code leaves}, zeros where none yet. */
    private static List<Tensor> grads(List<Tensor> leaves) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor p : leaves) {
            out.add(p.grad() != null ? p.grad() : Tensor.zerosLike(p));
        }
        return out;
    }
}
