package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepSupportTest {
    private static final Tensor P = Tensor.of(1.0, 2.0);

    @Test
    void anEmptyStatePassesUntilTheFirstStep() {
        assertThatCode(() -> StepSupport.requireStateOnceStepped("Demo", P, Map.of(), List.of("step"), List.of("exp_avg")))
                .doesNotThrowAnyException();
    }

    @Test
    void aStartedStateMustHoldEveryCounterAndBuffer() {
        Map<String, Object> good = Map.of("step", Tensor.scalar(3), "exp_avg", Tensor.of(0.0, 0.0));
        assertThatCode(() -> StepSupport.requireStateOnceStepped("Demo", P, good, List.of("step"), List.of("exp_avg")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> StepSupport.requireStateOnceStepped("Demo", P, Map.of("step", 3L), List.of("step"),
                List.of("exp_avg")))
                .hasMessage("Demo: state \"exp_avg\" must be a tensor of the parameter's shape [2], got none (state keys [step])");
        assertThatThrownBy(() -> StepSupport.requireState("Demo", P, Map.of("exp_avg", Tensor.of(0.0, 0.0)), List.of("step"),
                List.of("exp_avg")))
                .hasMessage("Demo: state \"step\" must be a 0-dim tensor, got none (state keys [exp_avg])");
    }
}
