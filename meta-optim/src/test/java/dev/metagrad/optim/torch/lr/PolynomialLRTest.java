package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolynomialLRTest {
    @Test
    void decaysAsAPowerOfTheRemainingFraction() {
        SGD opt = sgd(1.0);
        PolynomialLR s = new PolynomialLR(opt, 4, 2.0);
        // (1 − e/4)^2
        assertLrs(opt, s::step, 1.0, 0.5625, 0.25, 0.0625, 0.0, 0.0);
    }

    @Test
    void defaultIsLinearOverFiveEpochs() {
        SGD opt = sgd(1.0);
        PolynomialLR s = new PolynomialLR(opt);
        assertLrs(opt, s::step, 1.0, 0.8, 0.6, 0.4, 0.2, 0.0, 0.0);
    }

    @Test
    void closedFormAgreesWithTheChainableFormWhenAlone() {
        SGD opt = sgd(1.0, 0.5);
        PolynomialLR s = new PolynomialLR(opt, 6, 0.5);
        for (int k = 0; k < 5; k++) {
            opt.step();
            s.step();
            LrTesting.assertClosedFormMatchesCurrentLrs(s);
        }
    }

    @Test
    void totalItersMustBePositive() {
        assertThatThrownBy(() -> new PolynomialLR(sgd(0.1), 0, 1.0))
                .hasMessage("PolynomialLR: total_iters must be a positive integer, got 0");
    }
}
