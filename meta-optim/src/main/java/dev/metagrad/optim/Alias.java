package dev.metagrad.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * The ready-made optimizers of TorchOpt ({@code torchopt.alias}), each a {@link Transforms#chain} of the pieces
 * named below, ending with the {@code −lr} scaling, so that a descent step is
 * {@code params = Updates.applyUpdates(params, updates)} = {@code p + (−lr · u)}. "PRE" is
 * {@link Transforms#flipSignAndAddWeightDecay}: {@code g = −g} if maximize, then {@code g = g + wd · p}.
 *
 * <p>Arguments are checked here and rejected with an {@link IllegalArgumentException} naming them.
 */
public final class Alias {
    private Alias() {
    }

    /** {@link #sgd(SgdOptions)} with learning rate {@code lr} and every other option at its default. */
    public static GradientTransformation sgd(double lr) {
        return sgd(SgdOptions.defaults().lr(lr));
    }

    /**
     * SGD: PRE → {@link Transforms#trace} (only when momentum != 0) → −lr.
     * <pre>
     *   buf = g on the first step, else momentum·buf + (1 − dampening)·g
     *   u = g + momentum·buf if nesterov else buf;   p = p − lr·u
     * </pre>
     *
     * @throws IllegalArgumentException when lr is missing or negative, momentum or weight_decay negative, or
     *                                  nesterov is set without momentum or with dampening
     */
    public static GradientTransformation sgd(SgdOptions o) {
        Arguments.nonNull("options", o);
        if (o.lr() == null) {
            throw new IllegalArgumentException("lr is required for sgd (TorchOpt's sgd has no default learning rate)");
        }
        Arguments.nonNegative("momentum", o.momentum());
        Arguments.nonNegative("weight_decay", o.weightDecay());
        if (o.nesterov() && (o.momentum() <= 0.0 || o.dampening() != 0.0)) {
            throw new IllegalArgumentException("nesterov momentum requires momentum > 0 and dampening == 0, got momentum "
                    + o.momentum() + ", dampening " + o.dampening());
        }
        List<GradientTransformation> parts = new ArrayList<>();
        parts.add(Transforms.flipSignAndAddWeightDecay(o.weightDecay(), o.maximize()));
        if (o.momentum() != 0.0) {
            parts.add(Transforms.trace(o.momentum(), o.dampening(), o.nesterov(), o.momentRequiresGrad()));
        }
        parts.add(Transforms.scaleByLearningRate(o.lr()));
        return chain(parts);
    }

    /** {@link #adam(AdamOptions)} with learning rate {@code lr} and every other option at its default. */
    public static GradientTransformation adam(double lr) {
        return adam(AdamOptions.defaults().lr(lr));
    }

    /**
     * Adam with coupled L2 weight decay: PRE → {@link Transforms#scaleByAdam} → −lr.
     * <pre>
     *   m = b1·m + (1 − b1)·g;  v = b2·v + (1 − b2)·g²;  u = m̂ / (sqrt(v̂ + eps_root) + eps);  p = p − lr·u
     * </pre>
     *
     * @throws IllegalArgumentException for a negative lr, eps, eps_root or weight_decay, or betas outside [0, 1)
     */
    public static GradientTransformation adam(AdamOptions o) {
        Arguments.nonNull("options", o);
        Betas betas = betas(o.betas());
        return chain(List.of(
                Transforms.flipSignAndAddWeightDecay(o.weightDecay(), o.maximize()),
                Transforms.scaleByAdam(betas.b1(), betas.b2(), o.eps(), o.epsRoot(), o.momentRequiresGrad()),
                Transforms.scaleByLearningRate(lr(o.lr()))));
    }

    /**
     * AdamW (decoupled weight decay): flip sign if maximize → {@link Transforms#scaleByAdam} →
     * {@link Transforms#addDecayedWeights} (masked) → −lr.
     * <pre>
     *   u = adam(g) + wd·p  (where mask is null or true);   p = p − lr·u
     * </pre>
     *
     * @throws IllegalArgumentException for a negative lr, eps, eps_root or weight_decay, or betas outside [0, 1)
     */
    public static GradientTransformation adamw(AdamWOptions o) {
        Arguments.nonNull("options", o);
        Betas betas = betas(o.betas());
        return chain(List.of(
                Transforms.flipSignAndAddWeightDecay(0.0, o.maximize()),
                Transforms.scaleByAdam(betas.b1(), betas.b2(), o.eps(), o.epsRoot(), o.momentRequiresGrad()),
                Transforms.addDecayedWeights(o.weightDecay(), o.mask()),
                Transforms.scaleByLearningRate(lr(o.lr()))));
    }

    /**
     * Adamax: weight decay → {@link Transforms#scaleByAdamax} → −lr.
     * <pre>
     *   m = b1·m + (1 − b1)·g;  n = max(b2·n, |g| + eps);  u = (m / n) / (1 − b1^t);  p = p − lr·u
     * </pre>
     *
     * @throws IllegalArgumentException for a negative lr, eps or weight_decay, or betas outside [0, 1)
     */
    public static GradientTransformation adamax(AdamaxOptions o) {
        Arguments.nonNull("options", o);
        Betas betas = betas(o.betas());
        return chain(List.of(
                Transforms.flipSignAndAddWeightDecay(o.weightDecay(), false),
                Transforms.scaleByAdamax(betas.b1(), betas.b2(), o.eps(), o.momentRequiresGrad()),
                Transforms.scaleByLearningRate(lr(o.lr()))));
    }

    /**
     * Adadelta: weight decay → {@link Transforms#scaleByAdadelta} → −lr.
     * <pre>
     *   sq = rho·sq + (1 − rho)·g²;  u = g·sqrt((dx + eps)/(sq + eps));  dx = rho·dx + (1 − rho)·u²;  p = p − lr·u
     * </pre>
     *
     * @throws IllegalArgumentException for a negative lr, eps or weight_decay, or rho outside [0, 1]
     */
    public static GradientTransformation adadelta(AdadeltaOptions o) {
        Arguments.nonNull("options", o);
        return chain(List.of(
                Transforms.flipSignAndAddWeightDecay(o.weightDecay(), false),
                Transforms.scaleByAdadelta(o.rho(), o.eps(), o.momentRequiresGrad()),
                Transforms.scaleByLearningRate(lr(o.lr()))));
    }

    /**
     * AdaGrad: PRE → {@link Transforms#scaleByRss} → {@link Transforms#scaleBySchedule}(lr decay) → −lr.
     * <pre>
     *   acc = acc + g²;  u = g / (sqrt(acc) + eps) where acc > 0 else 0;  u = u / (1 + lr_decay·(t − 1));  p = p − lr·u
     * </pre>
     *
     * @throws IllegalArgumentException for a negative lr, lr_decay, weight_decay, initial_accumulator_value or eps
     */
    public static GradientTransformation adagrad(AdagradOptions o) {
        Arguments.nonNull("options", o);
        double lrDecay = Arguments.nonNegative("lr_decay", o.lrDecay());
        return chain(List.of(
                Transforms.flipSignAndAddWeightDecay(o.weightDecay(), o.maximize()),
                Transforms.scaleByRss(o.initialAccumulatorValue(), o.eps()),
                // TorchOpt evaluates this in float32 (FORMAT-torchopt.md section 11.2); float64 here
                Transforms.scaleBySchedule(count -> 1.0 / (1.0 + lrDecay * count)),
                Transforms.scaleByLearningRate(lr(o.lr()))));
    }

    /**
     * RAdam: weight decay → {@link Transforms#scaleByRAdam} → −lr (rectified once {@code rho_t > 5}).
     *
     * @throws IllegalArgumentException for a negative lr, eps or weight_decay, or betas outside [0, 1)
     */
    public static GradientTransformation radam(RAdamOptions o) {
        Arguments.nonNull("options", o);
        Betas betas = betas(o.betas());
        return chain(List.of(
                Transforms.flipSignAndAddWeightDecay(o.weightDecay(), false),
                Transforms.scaleByRAdam(betas.b1(), betas.b2(), o.eps(), o.momentRequiresGrad()),
                Transforms.scaleByLearningRate(lr(o.lr()))));
    }

    /**
     * RMSProp: PRE → {@link Transforms#scaleByRms} (or {@link Transforms#scaleByStddev} when centered) →
     * {@link Transforms#trace} (momentum, nesterov, no dampening; only when momentum != 0) → −lr.
     * <pre>
     *   nu = alpha·nu + (1 − alpha)·g²  (from initial_scale);  u = g / (sqrt(nu) + eps)   or, centered,
     *   u = g / (sqrt(nu − mu²) + eps);  then momentum as in sgd;  p = p − lr·u
     * </pre>
     *
     * @throws IllegalArgumentException for a negative lr, eps, weight_decay, momentum or initial_scale, alpha
     *                                  outside [0, 1], or nesterov without momentum
     */
    public static GradientTransformation rmsprop(RmsPropOptions o) {
        Arguments.nonNull("options", o);
        Arguments.nonNegative("momentum", o.momentum());
        if (o.nesterov() && o.momentum() <= 0.0) {
            throw new IllegalArgumentException("nesterov momentum requires momentum > 0, got momentum " + o.momentum());
        }
        List<GradientTransformation> parts = new ArrayList<>();
        parts.add(Transforms.flipSignAndAddWeightDecay(o.weightDecay(), o.maximize()));
        parts.add(o.centered()
                ? Transforms.scaleByStddev(o.alpha(), o.eps(), o.initialScale())
                : Transforms.scaleByRms(o.alpha(), o.eps(), o.initialScale()));
        if (o.momentum() != 0.0) {
            parts.add(Transforms.trace(o.momentum(), 0.0, o.nesterov()));
        }
        parts.add(Transforms.scaleByLearningRate(lr(o.lr())));
        return chain(parts);
    }

    private static LearningRate lr(LearningRate lr) {
        return Arguments.nonNull("lr", lr);
    }

    private static Betas betas(Betas betas) {
        Arguments.nonNull("betas", betas);
        Arguments.unitInterval("betas[0]", betas.b1());
        Arguments.unitInterval("betas[1]", betas.b2());
        return betas;
    }

    private static GradientTransformation chain(List<GradientTransformation> parts) {
        return Transforms.chain(parts.toArray(new GradientTransformation[0]));
    }
}
