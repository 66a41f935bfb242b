package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link FunctionalCall} produced: the module's output and the buffers the pass would have written
 * (torch updates them in place; here the module is left unchanged and the new values are returned).
 *
 * @param output         the forward output
 * @param updatedBuffers new values of the buffers the pass updated (running statistics of training
 *                       {@link BatchNorm} layers), by dotted name, detached; empty when none was. Pass them
 *                       to the next call, or store them with {@link Module#setBuffer}.
 */
public record FunctionalResult(Tensor output, Map<String, Tensor> updatedBuffers) {
    /** Copies the buffer map into an unmodifiable, order-preserving one. */
    public FunctionalResult {
        Objects.requireNonNull(output, "output");
        updatedBuffers = Collections.unmodifiableMap(new LinkedHashMap<>(updatedBuffers));
    }
}
