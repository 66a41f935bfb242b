package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinearLRTest {
    @Test
    void rampsTheFactorLinearlyThenHolds() {
        SGD opt = sgd(1.0);
        LinearLR s = new LinearLR(opt, 0.5, 1.0, 4);
        // factor 0.5 + 0.5·e/4, reached recursively: 0.5·(1 + 0.5/2) = 0.625, 0.625·(1 + 0.5/2.5) = 0.75, ...
        assertLrs(opt, s::step, 0.5, 0.625, 0.75, 0.875, 1.0, 1.0);
    }

    @Test
    void decaysWhenTheEndFactorIsSmaller() {
        SGD opt = sgd(1.0);
        LinearLR s = new LinearLR(opt, 1.0, 0.5, 2);
        assertLrs(opt, s::step, 1.0, 0.75, 0.5, 0.5);
    }

    @Test
    void closedFormAgreesWithTheChainableFormWhenAlone() {
        SGD opt = sgd(1.0, 0.5);
        LinearLR s = new LinearLR(opt, 0.2, 0.9, 6);
        for (int k = 0; k < 9; k++) {
            opt.step();
            s.step();
            LrTesting.assertClosedFormMatchesCurrentLrs(s);
        }
    }

    @Test
    void factorsAreCheckedWithTorchsMessages() {
        assertThatThrownBy(() -> new LinearLR(sgd(0.1), 0.0, 1.0, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
        assertThatThrownBy(() -> new LinearLR(sgd(0.1), 0.5, 1.5, 5))
                .hasMessage("Ending multiplicative factor expected to be between 0 and 1.");
        assertThatThrownBy(() -> new LinearLR(sgd(0.1), 0.5, 1.0, 0))
                .hasMessage("LinearLR: total_iters must be a positive integer, got 0");
    }
}
