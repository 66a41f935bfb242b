package dev.metagrad.examples.hyper;

import java.util.OptionalDouble;

/**
 * How well a fitted model does on one part of the data.
 *
 * @param loss     the loss the problem optimizes (mean over the rows)
 * @param accuracy the fraction of rows classified correctly, for classifiers
 */
public record Scores(double loss, OptionalDouble accuracy) {
}
