package dev.metagrad.examples.hyper;

import dev.metagrad.autograd.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The prepared train, validation and test rows of a {@link HyperProblem} with one penalty per feature:
 * {@code x} {@code [rows, d]} and {@code y} {@code [rows]} for each part, {@code rows > 0}, detached from any
 * graph. Checks name the model ({@code "ridge: ..."}, {@code "logistic: ..."}).
 */
final class SplitTensors {
    private final String model;
    private final List<String> featureNames;
    private final Tensor xTrain;
    private final Tensor yTrain;
    private final Tensor xVal;
    private final Tensor yVal;
    private final Tensor xTest;
    private final Tensor yTest;

    /**
     * Checks the parts in the order train, validation, test (each part's shapes, then {@code targetCheck} on
     * its targets) and keeps detached copies.
     *
     * @param model       the model's name, for messages
     * @param targetCheck called with the part's name and its {@code y} once its shapes are right; it throws
     *                    for bad targets
     * @throws IllegalArgumentException when the shapes disagree or {@code targetCheck} rejects a part
     */
    SplitTensors(String model, List<String> featureNames, Tensor xTrain, Tensor yTrain, Tensor xVal, Tensor yVal,
                 Tensor xTest, Tensor yTest, BiConsumer<String, Tensor> targetCheck) {
        this.model = model;
        this.featureNames = List.copyOf(featureNames);
        int d = this.featureNames.size();
        check("train", xTrain, yTrain, d, targetCheck);
        check("validation", xVal, yVal, d, targetCheck);
        check("test", xTest, yTest, d, targetCheck);
        this.xTrain = xTrain.detach();
        this.yTrain = yTrain.detach();
        this.xVal = xVal.detach();
        this.yVal = yVal.detach();
        this.xTest = xTest.detach();
        this.yTest = yTest.detach();
    }

    private void check(String part, Tensor x, Tensor y, int d, BiConsumer<String, Tensor> targetCheck) {
        if (x.dim() != 2 || x.size(1) != d || y.dim() != 1 || y.size(0) != x.size(0) || x.size(0) == 0) {
            throw new IllegalArgumentException(model + ": " + part + " rows must be x [rows, " + d + "] and y [rows] "
                    + "with rows > 0, got " + Arrays.toString(x.shape()) + " and " + Arrays.toString(y.shape()));
        }
        targetCheck.accept(part, y);
    }

    /**
     * Requires log-penalties {@code l} of shape {@code [features]}.
     *
     * @throws IllegalArgumentException otherwise
     */
    void checkPenalties(Tensor l) {
        if (l.dim() != 1 || l.size(0) != featureNames.size()) {
            throw new IllegalArgumentException(model + ": log-penalties must be [" + featureNames.size() + "] (one per "
                    + "feature), got " + Arrays.toString(l.shape()));
        }
    }

    /** The rows of train, validation and test, as {@link HyperProblem#splitSizes()}. */
    int[] splitSizes() {
        return new int[] {xTrain.size(0), xVal.size(0), xTest.size(0)};
    }

    List<String> featureNames() {
        return featureNames;
    }

    Tensor xTrain() {
        return xTrain;
    }

    Tensor yTrain() {
        return yTrain;
    }

    Tensor xVal() {
        return xVal;
    }

    Tensor yVal() {
        return yVal;
    }

    Tensor xTest() {
        return xTest;
    }

    Tensor yTest() {
        return yTest;
    }
}
