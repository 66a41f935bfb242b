package dev.metagrad.examples.data;

import dev.metagrad.autograd.Generator;

/**
 * A data set cut into disjoint training, validation and test parts: the inner problem fits on
 * {@code train}, hyper-parameters are tuned on {@code validation}, and {@code test} is touched only to
 * report how well the tuned hyper-parameters generalise.
 *
 * @param train      the training rows
 * @param validation the validation rows
 * @param test       the test rows
 */
public record DataSplit(Dataset train, Dataset validation, Dataset test) {
    /**
     * A seeded random split: a Fisher–Yates shuffle of the row indices drawn from {@code rng}, then
     * {@code round(n · testFraction)} test rows, {@code round(n · validationFraction)} validation rows
     * and the rest for training, each part keeping the shuffled order.
     *
     * @throws IllegalArgumentException when a fraction is outside {@code (0, 1)} or a part would be empty
     */
    public static DataSplit random(Dataset data, Generator rng, double validationFraction, double testFraction) {
        check("validationFraction", validationFraction);
        check("testFraction", testFraction);
        int n = data.rows();
        int nTest = (int) Math.round(n * testFraction);
        int nVal = (int) Math.round(n * validationFraction);
        int nTrain = n - nTest - nVal;
        if (nTest < 1 || nVal < 1 || nTrain < 1) {
            throw new IllegalArgumentException("DataSplit: " + n + " rows split as train " + nTrain + ", validation "
                    + nVal + ", test " + nTest + "; every part needs at least one row (validationFraction "
                    + validationFraction + ", testFraction " + testFraction + ")");
        }
        int[] perm = shuffled(n, rng);
        return new DataSplit(data.select(data.name() + " (train)", java.util.Arrays.copyOfRange(perm, 0, nTrain)),
                data.select(data.name() + " (validation)", java.util.Arrays.copyOfRange(perm, nTrain, nTrain + nVal)),
                data.select(data.name() + " (test)", java.util.Arrays.copyOfRange(perm, nTrain + nVal, n)));
    }

    /**
     * Seeded K-fold splits sharing one test part: the rows are shuffled as in {@link #random}, the last
     * {@code round(n · testFraction)} become the test rows of every split, and the others are cut into
     * {@code folds} contiguous folds of nearly equal size; split {@code k} validates on fold {@code k} and
     * trains on the rest.
     *
     * @throws IllegalArgumentException for fewer than 2 folds, a test fraction outside {@code (0, 1)}, or a
     *                                  fold that would be empty
     */
    public static java.util.List<DataSplit> kFold(Dataset data, Generator rng, int folds, double testFraction) {
        check("testFraction", testFraction);
        if (folds < 2) {
            throw new IllegalArgumentException("DataSplit: kFold needs at least 2 folds, got " + folds);
        }
        int n = data.rows();
        int nTest = (int) Math.round(n * testFraction);
        int rest = n - nTest;
        if (nTest < 1 || rest < folds) {
            throw new IllegalArgumentException("DataSplit: " + n + " rows leave " + nTest + " test rows and " + rest
                    + " rows for " + folds + " folds; every part needs at least one row");
        }
        int[] perm = shuffled(n, rng);
        int[] test = java.util.Arrays.copyOfRange(perm, rest, n);
        java.util.List<DataSplit> splits = new java.util.ArrayList<>(folds);
        for (int k = 0; k < folds; k++) {
            int from = (int) ((long) rest * k / folds);
            int to = (int) ((long) rest * (k + 1) / folds);
            int[] val = java.util.Arrays.copyOfRange(perm, from, to);
            int[] train = new int[rest - (to - from)];
            System.arraycopy(perm, 0, train, 0, from);
            System.arraycopy(perm, to, train, from, rest - to);
            String fold = " (fold " + (k + 1) + "/" + folds + ")";
            splits.add(new DataSplit(data.select(data.name() + " (train" + fold + ")", train),
                    data.select(data.name() + " (validation" + fold + ")", val),
                    data.select(data.name() + " (test)", test)));
        }
        return java.util.List.copyOf(splits);
    }

    private static int[] shuffled(int n, Generator rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    private static void check(String name, double f) {
        if (!(f > 0 && f < 1)) {
            throw new IllegalArgumentException("DataSplit: " + name + " must be in (0, 1), got " + f);
        }
    }
}
