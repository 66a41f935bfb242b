package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CosineAnnealingWarmRestartsTest {
    private static final double HIGH = (1 + Math.sqrt(0.5)) / 2;
    private static final double LOW = (1 - Math.sqrt(0.5)) / 2;

    @Test
    void restartsWithPeriodsGrowingByTMult() {
        SGD opt = sgd(1.0);
        CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(opt, 2, 2, 0.0);
        // T_i = 2: 1, 0.5 | restart, T_i = 4: 1, HIGH, 0.5, LOW | restart, T_i = 8: 1
        assertLrs(opt, s::step, 1.0, 0.5, 1.0, HIGH, 0.5, LOW, 1.0);
        assertThat(s.stateDict().get("T_i")).isEqualTo(8L);
        assertThat(s.stateDict().get("T_cur")).isEqualTo(0L);
        assertThat(s.lastEpoch()).isEqualTo(6);
    }

    @Test
    void annealsTowardsEtaMinWithAConstantPeriod() {
        SGD opt = sgd(1.0);
        CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(opt, 2, 1, 0.5);
        assertLrs(opt, s::step, 1.0, 0.75, 1.0, 0.75);
    }

    @Test
    void hasItsOwnStepThatNeitherCountsNorWarnsAsInTorch() {
        CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(sgd(1.0), 3);
        try (SchedulerWarnings.Recorder w = SchedulerWarnings.record()) {
            s.step();
            s.step();
            assertThat(w.messages()).isEmpty();
        }
        assertThat(s.stateDict().get("_step_count")).isEqualTo(0L);
    }

    @Test
    void argumentsAreCheckedWithTorchsMessages() {
        assertThatThrownBy(() -> new CosineAnnealingWarmRestarts(sgd(0.1), 0))
                .hasMessage("Expected positive integer T_0, but got 0");
        assertThatThrownBy(() -> new CosineAnnealingWarmRestarts(sgd(0.1), 2, 0, 0.0))
                .hasMessage("Expected integer T_mult >= 1, but got 0");
    }

    @Test
    void stateDictRoundTripResumes() {
        SGD a = sgd(1.0);
        CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(a, 2, 2, 0.0);
        for (int k = 0; k < 3; k++) {
            a.step();
            s.step();
        }
        SGD b = sgd(1.0);
        CosineAnnealingWarmRestarts t = new CosineAnnealingWarmRestarts(b, 5);
        t.loadStateDict(LrTesting.throughJson(s.stateDict()));
        assertThat(t.stateDict()).isEqualTo(s.stateDict());
        a.step();
        s.step();
        b.step();
        t.step();
        assertThat(LrTesting.lrs(b)).containsExactly(LrTesting.lrs(a));
    }
}
