package dev.metagrad.examples.data;

import dev.metagrad.autograd.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * A supervised data set: a float64 feature matrix and a target vector with one value per row.
 *
 * @param name         what the data is, for messages
 * @param featureNames one name per column of {@code x}
 * @param x            features {@code [rows, features]}
 * @param y            targets {@code [rows]}
 */
public record Dataset(String name, List<String> featureNames, Tensor x, Tensor y) {
    /**
     * A data set; the names are copied.
     *
     * @throws IllegalArgumentException when the shapes disagree with each other or with the names
     */
    public Dataset {
        featureNames = List.copyOf(featureNames);
        if (x.dim() != 2 || x.size(1) != featureNames.size()) {
            throw new IllegalArgumentException("Dataset " + name + ": x must be [rows, " + featureNames.size()
                    + "] for " + featureNames.size() + " feature names, got " + Arrays.toString(x.shape()));
        }
        if (y.dim() != 1 || y.size(0) != x.size(0)) {
            throw new IllegalArgumentException("Dataset " + name + ": y must be [" + x.size(0) + "] (one target per row of x), got "
                    + Arrays.toString(y.shape()));
        }
    }

    /** The number of rows. */
    public int rows() {
        return x.size(0);
    }

    /** The number of features. */
    public int features() {
        return x.size(1);
    }

    /**
     * The rows at {@code indices}, in that order, as a new data set.
     *
     * @throws IndexOutOfBoundsException for an index outside {@code [0, rows)}
     */
    public Dataset select(String subsetName, int[] indices) {
        int d = features();
        double[] xs = x.toDoubleArray();
        double[] ys = y.toDoubleArray();
        double[] sx = new double[indices.length * d];
        double[] sy = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= rows()) {
                throw new IndexOutOfBoundsException("Dataset " + name + ": row " + r + " is outside [0, " + rows() + ")");
            }
            System.arraycopy(xs, r * d, sx, i * d, d);
            sy[i] = ys[r];
        }
        return new Dataset(subsetName, featureNames, Tensor.of(sx, indices.length, d), Tensor.of(sy, indices.length));
    }

    /** This data set with its features replaced (same shape), for example standardized ones. */
    public Dataset withX(Tensor newX) {
        return new Dataset(name, featureNames, newX, y);
    }

    /** This data set with its targets replaced (same shape), for example centred ones. */
    public Dataset withY(Tensor newY) {
        return new Dataset(name, featureNames, x, newY);
    }
}
