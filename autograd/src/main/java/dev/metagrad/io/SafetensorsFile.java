package dev.metagrad.io;

import dev.metagrad.autograd.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a safetensors file holds: its tensors by name, in the order of the file's header, and its
 * free-form string metadata (empty when the file has none).
 *
 * @param tensors  the tensors, in header order (unmodifiable)
 * @param metadata the {@code "__metadata__"} entries (unmodifiable)
 */
public record SafetensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata) {
    /** Takes ordered, unmodifiable copies of both maps. */
    public SafetensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
