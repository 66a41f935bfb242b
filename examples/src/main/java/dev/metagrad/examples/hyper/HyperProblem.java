package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Tensor;

import java.util.List;

/**
 * A bilevel problem over per-feature L2 penalties: for log-penalties {@code l} (one per feature, penalty
 * {@code λ_j = exp(l_j)}), the inner problem fits a model on the training rows,
 * {@code w*(l) = argmin_w L_train(w) + ½ Σ_j exp(l_j) w_j²}, and the outer objective is the validation loss
 * {@code L_val(w*(l))}, differentiated with respect to {@code l} by implicit differentiation.
 */
public interface HyperProblem {
    /** What is being fitted on which data, for the report ({@code "ridge regression on diabetes"}). */
    String description();

    /** The name of the loss in reports ({@code "MSE"}, {@code "log loss"}). */
    String lossName();

    /** One name per feature, the order of {@code l}. */
    List<String> featureNames();

    /** The number of training, validation and test rows. */
    int[] splitSizes();

    /**
     * The validation loss {@code L_val(w*(l))} as a differentiable function of {@code l}: when {@code l}
     * requires grad, the result's gradient with respect to it is the implicit hypergradient.
     *
     * @param logPenalties {@code l}, shape {@code [features]}
     * @throws IllegalArgumentException when {@code l} has the wrong shape
     */
    Tensor validationLoss(Tensor logPenalties);

    /**
     * The scores of the inner solution {@code w*(l)} on the validation and test rows, without recording.
     *
     * @throws IllegalArgumentException when {@code l} has the wrong shape
     */
    Evaluation evaluate(Tensor logPenalties);
}
