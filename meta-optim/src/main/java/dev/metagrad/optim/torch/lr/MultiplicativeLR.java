package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Optimizer;

import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.MultiplicativeLR}: multiplies the lr of group i by λ_i(epoch) every step.
 *
 * <p>Chainable form: {@code lr} in the initial step, else {@code lr·λ_i(last_epoch)}. No closed form, so a
 * {@link SequentialLR} milestone multiplies the current lr by λ(0) (torch 2.x). The lambdas are not part of
 * the state dict (see {@link LambdaLR}).
 */
public final class MultiplicativeLR extends LRScheduler {
    private final List<LrLambda> lrLambdas;

    /** {@code MultiplicativeLR(optimizer, lr_lambda)}: one lambda for every group. */
    public MultiplicativeLR(Optimizer optimizer, LrLambda lrLambda) {
        super(optimizer);
        this.lrLambdas = LrLambdas.forAll(lrLambda, groupCount());
        initialize();
    }

    /**
     * {@code MultiplicativeLR(optimizer, [lr_lambda, ...])}: one lambda per group.
     *
     * @throws IllegalArgumentException when the number of lambdas is not the number of groups
     */
    public MultiplicativeLR(Optimizer optimizer, List<? extends LrLambda> lrLambdas) {
        super(optimizer);
        this.lrLambdas = LrLambdas.perGroup(lrLambdas, groupCount());
        initialize();
    }

    @Override
    protected double[] getLr() {
        if (isInitial()) {
            double[] out = new double[groupCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = currentLr(i);
            }
            return out;
        }
        double[] out = new double[Math.min(lrLambdas.size(), groupCount())];
        for (int i = 0; i < out.length; i++) {
            out[i] = currentLr(i) * lrLambdas.get(i).applyAsDouble(lastEpoch());
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
