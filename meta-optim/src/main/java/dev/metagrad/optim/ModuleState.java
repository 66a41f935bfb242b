package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module's extracted parameters and buffers by dotted name: TorchOpt's {@code ModuleState}, produced by
 * {@link StateDicts#extractStateDict(dev.metagrad.nn.Module, By, boolean, boolean)}.
 *
 * @param params  parameters in {@code namedParameters()} order (unmodifiable)
 * @param buffers buffers in {@code namedBuffers()} order, empty when extracted without buffers (unmodifiable)
 */
public record ModuleState(Map<String, Tensor> params, Map<String, Tensor> buffers) {
    /** Copies both maps, keeping their order. */
    public ModuleState {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        buffers = Collections.unmodifiableMap(new LinkedHashMap<>(buffers));
    }
}
