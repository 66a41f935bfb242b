/**
 * Tabular data for the examples: a numeric CSV reader ({@link dev.metagrad.examples.data.CsvReader},
 * {@link dev.metagrad.examples.data.CsvFormat}), the bundled scikit-learn data sets
 * ({@link dev.metagrad.examples.data.Datasets}), seeded train/validation/test splits
 * ({@link dev.metagrad.examples.data.DataSplit}) and standardization fitted on training rows only
 * ({@link dev.metagrad.examples.data.Standardizer}).
 */
package dev.metagrad.examples.data;
