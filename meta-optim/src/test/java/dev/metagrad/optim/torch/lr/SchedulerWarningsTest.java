package dev.metagrad.optim.torch.lr;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerWarningsTest {
    @Test
    void theInnermostRecorderGetsTheWarnings() {
        try (SchedulerWarnings.Recorder outer = SchedulerWarnings.record()) {
            SchedulerWarnings.warn("a");
            try (SchedulerWarnings.Recorder inner = SchedulerWarnings.record()) {
                SchedulerWarnings.warn("b");
                assertThat(inner.messages()).containsExactly("b");
            }
            SchedulerWarnings.warn("c");
            assertThat(outer.messages()).containsExactly("a", "c");
        }
    }

    @Test
    void withoutARecorderWarningsGoToTheLogger() {
        Logger logger = Logger.getLogger(SchedulerWarnings.LOGGER_NAME);
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = logger.getUseParentHandlers();
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        try {
            SchedulerWarnings.Recorder closed = SchedulerWarnings.record();
            closed.close();
            closed.close();
            SchedulerWarnings.warn("to the log");
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
            assertThat(records.get(0).getMessage()).isEqualTo("to the log");
            assertThat(closed.messages()).isEmpty();
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(parents);
        }
    }
}
