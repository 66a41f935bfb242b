package dev.metagrad.examples.hyper;

/**
 * The scores of one inner solution on the validation rows (which tune the penalties) and the test rows
 * (which only report how well the tuning generalises).
 *
 * @param validation scores on the validation rows
 * @param test       scores on the test rows
 */
public record Evaluation(Scores validation, Scores test) {
}
