package dev.metagrad.optim.state;

import dev.metagrad.optim.OptState;

/**
 * State of {@code scaleBySchedule}.
 *
 * @param count per-leaf number of updates made so far (a tree of 0-dim int64 tensors)
 */
public record ScaleByScheduleState(Object count) implements OptState {
}
