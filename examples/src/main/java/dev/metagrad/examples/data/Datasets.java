package dev.metagrad.examples.data;

import dev.metagrad.autograd.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The scikit-learn data sets bundled with the examples (resources under {@code dev/metagrad/examples/datasets/},
 * BSD-3-Clause, see the {@code LICENSE-scikit-learn.txt} and {@code README.md} there), loaded as
 * scikit-learn's {@code load_diabetes(scaled=False)} and {@code load_breast_cancer()} load them, with their
 * shapes checked.
 */
public final class Datasets {
    /** Where the files are, relative to the class-path root. */
    public static final String FOLDER = "/dev/metagrad/examples/datasets/";

    /** scikit-learn's diabetes feature names. */
    public static final List<String> DIABETES_FEATURES = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4",
            "s5", "s6");

    /** scikit-learn's breast-cancer feature names. */
    public static final List<String> BREAST_CANCER_FEATURES = List.of("mean radius", "mean texture",
            "mean perimeter", "mean area", "mean smoothness", "mean compactness", "mean concavity",
            "mean concave points", "mean symmetry", "mean fractal dimension", "radius error", "texture error",
            "perimeter error", "area error", "smoothness error", "compactness error", "concavity error",
            "concave points error", "symmetry error", "fractal dimension error", "worst radius", "worst texture",
            "worst perimeter", "worst area", "worst smoothness", "worst compactness", "worst concavity",
            "worst concave points", "worst symmetry", "worst fractal dimension");

    private Datasets() {
    }

    /**
     * The diabetes regression data (Efron et al. 2004): 442 patients, 10 raw (unscaled) baseline features,
     * target a measure of disease progression one year later (25 to 346).
     *
     * @throws UncheckedIOException when a bundled file cannot be read
     * @throws CsvFormatException   when a bundled file does not have the expected shape
     */
    public static Dataset diabetes() {
        CsvTable data = load("diabetes_data_raw.csv.gz", CsvFormat.whitespace());
        CsvTable target = load("diabetes_target.csv.gz", CsvFormat.whitespace());
        expect(data, 442, DIABETES_FEATURES.size());
        expect(target, 442, 1);
        return new Dataset("diabetes", DIABETES_FEATURES, data.features(), target.features().reshape(442));
    }

    /**
     * The breast-cancer Wisconsin (diagnostic) classification data: 569 tumours, 30 features, target 0 for
     * malignant and 1 for benign. The file's first line ({@code 569,30,malignant,benign}) is checked against
     * what follows.
     *
     * @throws UncheckedIOException when the bundled file cannot be read
     * @throws CsvFormatException   when it does not have the expected shape or labels
     */
    public static Dataset breastCancer() {
        String file = "breast_cancer.csv";
        CsvTable t = load(file, CsvFormat.csv().withHeader(CsvFormat.Header.PREAMBLE).withTargetColumn(-1));
        List<String> expected = List.of(String.valueOf(t.rows()), String.valueOf(t.features().size(1)), "malignant",
                "benign");
        if (!t.preamble().equals(expected)) {
            throw new CsvFormatException(file, 1, 0, "header " + t.preamble() + " does not describe the table below it "
                    + "(expected " + expected + ")");
        }
        expect(t, 569, BREAST_CANCER_FEATURES.size());
        Tensor y = t.target().orElseThrow();
        double[] labels = y.toDoubleArray();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                // data starts on line 2, after the header
                throw new CsvFormatException(file, i + 2, t.features().size(1) + 1, "class " + labels[i] + " is not 0 or 1");
            }
        }
        return new Dataset("breast_cancer", BREAST_CANCER_FEATURES, t.features(), y);
    }

    private static CsvTable load(String name, CsvFormat format) {
        try {
            return CsvReader.readResource(Datasets.class, FOLDER + name, format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled data set " + name + ": " + e.getMessage(), e);
        }
    }

    private static void expect(CsvTable t, int rows, int columns) {
        if (t.rows() != rows || t.features().size(1) != columns) {
            throw new CsvFormatException(t.source(), 0, 0, "expected " + rows + " rows of " + columns + " features, found "
                    + t.rows() + " rows of " + t.features().size(1));
        }
    }
}
