package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepLRTest {
    @Test
    void multipliesByGammaEveryStepSizeEpochs() {
        SGD opt = sgd(1.0, 0.5);
        StepLR s = new StepLR(opt, 3, 0.5);
        assertLrs(opt, s::step, 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25);
        assertThat(LrTesting.lr(opt, 1)).isEqualTo(0.125);
    }

    @Test
    void defaultGammaIsOneTenth() {
        SGD opt = sgd(1.0);
        StepLR s = new StepLR(opt, 2);
        assertLrs(opt, s::step, 1, 1, 0.1);
    }

    @Test
    void closedFormAgreesWithTheChainableFormWhenAlone() {
        SGD opt = sgd(1.0, 0.5);
        StepLR s = new StepLR(opt, 3, 0.7);
        for (int k = 0; k < 10; k++) {
            opt.step();
            s.step();
            LrTesting.assertClosedFormMatchesCurrentLrs(s);
        }
    }

    @Test
    void stepSizeMustBePositive() {
        assertThatThrownBy(() -> new StepLR(sgd(0.1), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StepLR: step_size must be a positive integer, got 0");
    }

    @Test
    void stateDictRoundTrip() {
        SGD opt = sgd(1.0);
        StepLR s = new StepLR(opt, 3, 0.5);
        opt.step();
        s.step();
        StepLR t = new StepLR(sgd(1.0), 5, 0.1);
        t.loadStateDict(s.stateDict());
        assertThat(t.stateDict()).isEqualTo(s.stateDict());
    }
}
