package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.LambdaLR}: the lr of group i is its base lr times λ_i(epoch).
 *
 * <p>Form (chainable and only form): {@code lr_i = base_i·λ_i(last_epoch)}. It has no closed form, so a
 * {@link SequentialLR} milestone gives {@code base·λ(0)}. The lambdas are not part of the state dict
 * ({@code lr_lambdas} holds null for each, or the lambda's own {@link LrLambda#stateDict()}).
 */
public final class LambdaLR extends LRScheduler {
    private final List<LrLambda> lrLambdas;

    /** {@code LambdaLR(optimizer, lr_lambda)}: one lambda for every group. */
    public LambdaLR(Optimizer optimizer, LrLambda lrLambda) {
        super(optimizer);
        this.lrLambdas = LrLambdas.forAll(lrLambda, groupCount());
        initialize();
    }

    /**
     * {@code LambdaLR(optimizer, [lr_lambda, ...])}: one lambda per group.
     *
     * @throws IllegalArgumentException when the number of lambdas is not the number of groups
     */
    public LambdaLR(Optimizer optimizer, List<? extends LrLambda> lrLambdas) {
        super(optimizer);
        this.lrLambdas = LrLambdas.perGroup(lrLambdas, groupCount());
        initialize();
    }

    @Override
    protected double[] getLr() {
        double[] out = new double[Math.min(lrLambdas.size(), baseLrCount())];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * lrLambdas.get(i).applyAsDouble(lastEpoch());
        }
        return out;
    }

    @Override
    void putTrailingAttributes(Map<String, Object> state) {
        state.put("lr_lambdas", LrLambdas.stateDict(lrLambdas));
    }

    @Override
    void readTrailingAttributes(StateReader r) {
        LrLambdas.read(r, lrLambdas);
    }
}
