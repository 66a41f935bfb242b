package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;

class ExponentialLRTest {
    @Test
    void multipliesByGammaEveryStepButNotAtConstruction() {
        SGD opt = sgd(1.0, 0.5);
        ExponentialLR s = new ExponentialLR(opt, 0.5);
        assertLrs(opt, s::step, 1.0, 0.5, 0.25, 0.125);
        assertThat(s.getLastLr()).containsExactly(0.125, 0.0625);
    }

    @Test
    void closedFormAgreesWithTheChainableFormWhenAlone() {
        SGD opt = sgd(1.0, 0.5);
        ExponentialLR s = new ExponentialLR(opt, 0.9);
        for (int k = 0; k < 6; k++) {
            opt.step();
            s.step();
            LrTesting.assertClosedFormMatchesCurrentLrs(s);
        }
    }
}
