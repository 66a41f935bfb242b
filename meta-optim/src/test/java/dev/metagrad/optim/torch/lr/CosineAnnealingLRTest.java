package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CosineAnnealingLRTest {
    private static final double HIGH = (1 + Math.sqrt(0.5)) / 2;  // (1 + cos(π/4))/2
    private static final double LOW = (1 - Math.sqrt(0.5)) / 2;   // (1 + cos(3π/4))/2

    @Test
    void annealsAlongHalfACosineAndClimbsBackPastTMax() {
        SGD opt = sgd(1.0);
        CosineAnnealingLR s = new CosineAnnealingLR(opt, 4);
        assertLrs(opt, s::step, 1.0, HIGH, 0.5, LOW, 0.0, LOW, 0.5, HIGH, 1.0);
    }

    @Test
    void annealsToEtaMin() {
        SGD opt = sgd(1.0);
        CosineAnnealingLR s = new CosineAnnealingLR(opt, 2, 0.5);
        assertLrs(opt, s::step, 1.0, 0.75, 0.5, 0.75, 1.0);
    }

    @Test
    void closedFormAgreesWithTheChainableFormWhenAlone() {
        SGD opt = sgd(1.0, 0.5);
        CosineAnnealingLR s = new CosineAnnealingLR(opt, 5, 0.01);
        for (int k = 0; k < 12; k++) {
            opt.step();
            s.step();
            LrTesting.assertClosedFormMatchesCurrentLrs(s);
        }
    }

    @Test
    void tMaxMustBePositive() {
        assertThatThrownBy(() -> new CosineAnnealingLR(sgd(0.1), 0))
                .hasMessage("CosineAnnealingLR: T_max must be a positive integer, got 0");
    }
}
