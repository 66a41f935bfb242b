package dev.metagrad.optim.torch.lr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Where the LR schedulers send torch's {@code UserWarning}s. A warning goes to the innermost open
 * {@link Recorder} of the calling thread when there is one (Python's
 * {@code warnings.catch_warnings(record=True)}: recorded, not shown), otherwise to the
 * {@link java.util.logging} logger {@value #LOGGER_NAME} at level {@code WARNING}.
 *
 * <pre>{@code
 * try (SchedulerWarnings.Recorder warnings = SchedulerWarnings.record()) {
 *     scheduler.step();
 *     assert warnings.messages().isEmpty();
 * }
 * }</pre>
 *
 * The message texts are torch's, word for word, so they compare equal to the {@code warnings} lists of the
 * golden files.
 */
public final class SchedulerWarnings {
    /** The logger the warnings go to when no recorder is open. */
    public static final String LOGGER_NAME = "dev.metagrad.optim.torch.lr";

    /**
     * torch's warning when {@code scheduler.step()} is called for the first time before the optimizer has
     * ever stepped since a scheduler was attached to it.
     */
    public static final String STEP_BEFORE_OPTIMIZER_STEP = "Detected call of `lr_scheduler.step()` before "
            + "`optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: "
            + "`optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch "
            + "skipping the first value of the learning rate schedule. See more details at "
            + "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate";

    private static final Logger LOG = Logger.getLogger(LOGGER_NAME);
    private static final ThreadLocal<Deque<Recorder>> RECORDERS = ThreadLocal.withInitial(ArrayDeque::new);

    private SchedulerWarnings() {
    }

    /**
     * Opens a recorder that collects every scheduler warning of this thread until it is closed. Recorders
     * nest; the innermost open one receives the warnings.
     */
    public static Recorder record() {
        Recorder r = new Recorder();
        RECORDERS.get().push(r);
        return r;
    }

    /** Emits one warning: to the innermost recorder of this thread, else to the logger. */
    static void warn(String message) {
        Objects.requireNonNull(message, "message");
        Recorder r = RECORDERS.get().peek();
        if (r != null) {
            r.messages.add(message);
        } else {
            LOG.warning(message);
        }
    }

    /** Collects warnings while open; {@link #close()} stops collecting and keeps what was collected. */
    public static final class Recorder implements AutoCloseable {
        private final List<String> messages = new ArrayList<>();
        private boolean open = true;

        private Recorder() {
        }

        /** The warnings recorded so far, in the order they were emitted. */
        public List<String> messages() {
            return List.copyOf(messages);
        }

        /** Stops recording; warnings go to the enclosing recorder or the logger again. Idempotent. */
        @Override
        public void close() {
            if (!open) {
                return;
            }
            open = false;
            RECORDERS.get().remove(this);
            if (RECORDERS.get().isEmpty()) {
                RECORDERS.remove();
            }
        }
    }
}
