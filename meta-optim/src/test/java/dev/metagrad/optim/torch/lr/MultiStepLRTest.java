package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultiStepLRTest {
    @Test
    void aRepeatedMilestoneAppliesGammaTwice() {
        SGD opt = sgd(1.0);
        MultiStepLR s = new MultiStepLR(opt, List.of(4, 2, 4), 0.5);
        assertLrs(opt, s::step, 1, 1, 0.5, 0.5, 0.125, 0.125);
        assertThat(s.milestones()).containsExactly(2, 4, 4);
    }

    @Test
    void closedFormCountsTheMilestonesPassed() {
        SGD opt = sgd(1.0, 0.5);
        MultiStepLR s = new MultiStepLR(opt, List.of(1, 3, 3, 6));
        for (int k = 0; k < 8; k++) {
            opt.step();
            s.step();
            LrTesting.assertClosedFormMatchesCurrentLrs(s);
        }
    }

    @Test
    void milestonesAreACounterInTheStateDict() {
        MultiStepLR s = new MultiStepLR(sgd(1.0), List.of(4, 2, 4), 0.5);
        assertThat(s.stateDict().get("milestones")).isEqualTo(Map.of("4", 2L, "2", 1L));
        assertThat(s.stateDict().keySet()).startsWith("milestones", "gamma", "base_lrs");

        MultiStepLR t = new MultiStepLR(sgd(1.0), List.of(7));
        t.loadStateDict(LrTesting.throughJson(s.stateDict()));
        assertThat(t.milestones()).containsExactly(2, 4, 4);
        assertThat(t.stateDict()).isEqualTo(s.stateDict());

        assertThatThrownBy(() -> t.loadStateDict(Map.of("milestones", Map.of("x", 1L))))
                .hasMessageContaining("keys must be integers");
    }
}
