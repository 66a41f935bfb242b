package dev.metagrad.examples.data;

import dev.metagrad.autograd.Tensor;

import java.util.List;
import java.util.Optional;

/**
 * A numeric table read by {@link CsvReader}: the feature columns as one float64 matrix, the target column
 * (when the format names one) as a vector, and what the header held.
 *
 * @param source       what was read, for messages
 * @param preamble     the raw fields of a {@link CsvFormat.Header#PREAMBLE} line; empty otherwise
 * @param featureNames one name per feature column: the header's names, or {@code "column N"} (1-based, the
 *                     file's column number) without a names line
 * @param features     {@code [rows, features]} float64
 * @param targetName   the target column's name, when there is a target
 * @param target       {@code [rows]} float64, when there is a target
 */
public record CsvTable(String source, List<String> preamble, List<String> featureNames, Tensor features,
                       Optional<String> targetName, Optional<Tensor> target) {
    /**
     * A table; the lists are copied.
     *
     * @throws IllegalArgumentException when the names, the matrix and the target disagree in size
     */
    public CsvTable {
        preamble = List.copyOf(preamble);
        featureNames = List.copyOf(featureNames);
        if (features.dim() != 2 || features.size(1) != featureNames.size()) {
            throw new IllegalArgumentException("CsvTable: features must be [rows, " + featureNames.size()
                    + "] for " + featureNames.size() + " names, got " + java.util.Arrays.toString(features.shape()));
        }
        if (target.isPresent() != targetName.isPresent()) {
            throw new IllegalArgumentException("CsvTable: a target and its name come together");
        }
        if (target.isPresent() && (target.get().dim() != 1 || target.get().size(0) != features.size(0))) {
            throw new IllegalArgumentException("CsvTable: target must be [" + features.size(0) + "], got "
                    + java.util.Arrays.toString(target.get().shape()));
        }
    }

    /** The number of data rows. */
    public int rows() {
        return features.size(0);
    }
}
