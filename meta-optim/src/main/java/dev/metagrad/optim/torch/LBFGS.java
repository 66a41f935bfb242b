package dev.metagrad.optim.torch;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Indexing;
import dev.metagrad.nn.Module;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code torch.optim.LBFGS(params, lr=1, max_iter=20, max_eval=None, tolerance_grad=1e-7, tolerance_change=1e-9,
 * history_size=100, line_search_fn=None)}: limited-memory BFGS over all parameters as one flat vector
 * (concatenated in order), with torch 2.x semantics including the strong-Wolfe line search and its evaluation
 * budget. The algorithm is {@link LbfgsFunctional#step}; this class feeds it the parameters and the closure and
 * keeps its state in torch's layout on parameter 0 ({@code func_evals}, {@code n_iter}, {@code d}, {@code t},
 * {@code old_dirs}, {@code old_stps}, {@code ro}, {@code H_diag}, {@code prev_flat_grad}, {@code prev_loss},
 * {@code al}; see {@link LbfgsStateMap}), so {@link #stateDict()} matches torch's.
 *
 * <p>{@code step(closure)} is required: the closure must zero the gradients, compute the loss, call
 * {@code backward()} and return the loss; it is called several times per step, each time with the parameters
 * set to the point being evaluated. It returns the first loss. {@code max_eval} is resolved to
 * {@code max_iter * 5 // 4} when not given. Only one param group is supported, as in torch.
 *
 * <p>The step runs without recording a graph and is all-or-nothing for parameters and state: if the closure or
 * the algorithm throws, the original parameter tensors and the state are put back (gradients written by closure
 * calls stay, as in torch). To differentiate through L-BFGS steps (a meta-gradient), use
 * {@link LbfgsFunctional} with {@link LbfgsObjective#of(java.util.function.Function, boolean)} instead.
 */
public class LBFGS extends Optimizer {
    /** One group of {@code params} with torch's defaults. */
    public LBFGS(Iterable<Tensor> params) {
        this(params, Options.empty());
    }

    /**
     * One group of {@code params}.
     *
     * @throws IllegalArgumentException for an unknown or invalid option (e.g. {@code line_search_fn} other than
     *                                  null or "strong_wolfe"), bad parameters, or parameters of several dtypes
     */
    public LBFGS(Iterable<Tensor> params, Options options) {
        this(List.of(GroupSpec.of(toList(params))), options);
    }

    /**
     * The torch constructor with a list of param groups, which LBFGS accepts only with exactly one group.
     *
     * @throws IllegalArgumentException for several groups ("LBFGS doesn't support per-parameter options"), an
     *                                  unknown or invalid option, or bad parameters
     */
    public LBFGS(List<GroupSpec> groups, Options options) {
        this(groups, resolveDefaults(options), new Rules());
    }

    /**
     * {@code module}'s parameters, updated through the module.
     *
     * @throws IllegalArgumentException for an unknown or invalid option or a module without parameters
     */
    public LBFGS(Module module, Options options) {
        this(List.of(GroupSpec.of(Objects.requireNonNull(module, "module"))), options);
    }

    private LBFGS(List<GroupSpec> groups, Options defaults, Rules rules) {
        super(groups, defaults, rules);
        if (paramGroups().size() != 1) {
            throw new IllegalArgumentException("LBFGS doesn't support per-parameter options (parameter groups); got "
                    + paramGroups().size() + " groups");
        }
        List<Tensor> ps = params();
        for (Tensor p : ps) {
            if (p.dtype() != ps.get(0).dtype()) {
                throw new IllegalArgumentException("LBFGS: all parameters form one flat vector and must share a dtype; got "
                        + ps.get(0).dtype() + " and " + p.dtype());
            }
        }
        rules.owner = this;
    }

    /**
     * torch's defaults in torch's key order: {@code lr=1, max_iter=20, max_eval=None, tolerance_grad=1e-7,
     * tolerance_change=1e-9, history_size=100, line_search_fn=None} ({@code max_eval} unresolved).
     */
    public static Options torchDefaults() {
        return Options.of("lr", 1L, "max_iter", 20L, "max_eval", null, "tolerance_grad", 1e-7, "tolerance_change", 1e-9,
                "history_size", 100L, "line_search_fn", null);
    }

    /**
     * The optimizer defaults for constructor {@code options}: {@link #torchDefaults()} overridden by them, with a
     * missing or null {@code max_eval} resolved to {@code max_iter * 5 // 4}.
     *
     * @throws IllegalArgumentException for an unknown key (listing the valid ones) or a non-integer max_iter
     */
    static Options resolveDefaults(Options options) {
        Objects.requireNonNull(options, "options");
        Options defaults = torchDefaults();
        for (String key : options.keys()) {
            if (!defaults.has(key)) {
                throw new IllegalArgumentException("LBFGS: unknown option \"" + key + "\"; valid options are " + defaults.keys());
            }
        }
        Options merged = defaults.withAll(options);
        if (merged.get("max_eval") == null) {
            merged = merged.with("max_eval", Math.floorDiv(merged.getLong("max_iter") * 5, 4));
        }
        return merged;
    }

    /**
     * The {@link LbfgsOptions} of a resolved param group.
     *
     * @throws IllegalArgumentException for a missing option, a wrong type or an invalid value, naming it
     */
    public static LbfgsOptions options(Options group) {
        Objects.requireNonNull(group, "group");
        return new LbfgsOptions(OptionChecks.learningRate(group), intOption(group, "max_iter"), intOption(group, "max_eval"),
                group.getDouble("tolerance_grad"), group.getDouble("tolerance_change"), intOption(group, "history_size"),
                LbfgsLineSearch.fromTorchName(group.getString("line_search_fn")));
    }

    private static int intOption(Options group, String key) {
        long v = group.getLong(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("LBFGS: " + key + " is out of range: " + v);
        }
        return (int) v;
    }

    /** Always true: L-BFGS re-evaluates the loss within a step. */
    @Override
    public boolean requiresClosure() {
        return true;
    }

    /** The number of elements of all parameters together (the length of the flat vector). */
    public final int flatSize() {
        int n = 0;
        for (Tensor p : params()) {
            n += p.numel();
        }
        return n;
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        Objects.requireNonNull(closure, "closure");
        if (paramGroups().size() != 1) {
            throw new IllegalStateException("LBFGS doesn't support per-parameter options (parameter groups); this "
                    + "optimizer has " + paramGroups().size() + " groups after addParamGroup");
        }
        LbfgsOptions options = options(paramGroups().get(0).options());
        List<Tensor> originals = params();
        LbfgsState state = LbfgsStateMap.fromMap(state(0), flatSize());
        Tensor[] firstLoss = new Tensor[1];
        LbfgsResult result;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            Tensor x0 = flatten(originals);
            LbfgsObjective objective = x -> {
                if (x != x0) {
                    moveParamsTo(x);
                }
                Tensor loss = evaluateClosure(closure);
                if (loss.numel() != 1) {
                    throw new IllegalArgumentException("LBFGS.step: the closure must return a one-element loss, got shape "
                            + Shape.str(loss.shape()));
                }
                if (firstLoss[0] == null) {
                    firstLoss[0] = loss;
                }
                return new LbfgsEvaluation(loss.detach(), flatGrad());
            };
            result = LbfgsFunctional.step(options, state, x0, objective);
            if (result.x() != x0) {
                moveParamsTo(result.x());
            }
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < originals.size(); i++) {
                slot(i).set(originals.get(i));
            }
            throw e;
        }
        setState(0, LbfgsStateMap.toMap(result.state()));
        return firstLoss[0];
    }

    private static Tensor flatten(List<Tensor> ps) {
        List<Tensor> parts = new ArrayList<>(ps.size());
        for (Tensor p : ps) {
            parts.add(p.detach().reshape(-1));
        }
        return Indexing.cat(parts, 0);
    }

    /** torch's {@code _gather_flat_grad}: every parameter's gradient flattened, zeros where there is none. */
    private Tensor flatGrad() {
        List<Tensor> parts = new ArrayList<>();
        for (Tensor p : params()) {
            Tensor g = p.grad();
            parts.add(g == null ? Tensor.zeros(p.dtype(), p.numel()) : g.detach().reshape(-1));
        }
        return Indexing.cat(parts, 0);
    }

    /** Sets every parameter to its slice of the flat vector x (new leaves keeping flag and gradient). */
    private void moveParamsTo(Tensor x) {
        List<Tensor> ps = params();
        int offset = 0;
        for (int i = 0; i < ps.size(); i++) {
            Tensor p = ps.get(i);
            setParam(i, x.narrow(0, offset, p.numel()).reshape(p.shape()));
            offset += p.numel();
        }
    }

    /** Checks groups with {@link LbfgsOptions} and loaded state with {@link LbfgsStateMap}. */
    private static final class Rules implements GroupRules {
        private LBFGS owner;

        @Override
        public void validate(Options group) {
            options(group);
        }

        @Override
        public void validateState(Tensor p, Map<String, Object> state, Options group) {
            if (owner == null || state.isEmpty()) {
                return;
            }
            if (p != owner.params().get(0)) {
                throw new IllegalArgumentException("LBFGS keeps its state on the first parameter only; got state "
                        + state.keySet() + " for another parameter");
            }
            LbfgsFunctional.checkState(options(group), LbfgsStateMap.fromMap(state, owner.flatSize()), owner.flatSize());
        }
    }
}
