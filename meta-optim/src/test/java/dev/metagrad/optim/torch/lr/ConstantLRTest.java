package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConstantLRTest {
    @Test
    void scalesUntilTotalItersThenRestores() {
        SGD opt = sgd(1.0);
        ConstantLR s = new ConstantLR(opt, 0.5, 3);
        assertLrs(opt, s::step, 0.5, 0.5, 0.5, 1.0, 1.0);
    }

    @Test
    void defaultsAreAThirdForFiveEpochs() {
        SGD opt = sgd(0.3);
        ConstantLR s = new ConstantLR(opt);
        assertLrs(opt, s::step, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3);
    }

    @Test
    void closedFormAgreesWithTheChainableFormWhenAlone() {
        SGD opt = sgd(1.0, 0.5);
        ConstantLR s = new ConstantLR(opt, 0.25, 2);
        for (int k = 0; k < 4; k++) {
            opt.step();
            s.step();
            LrTesting.assertClosedFormMatchesCurrentLrs(s);
        }
    }

    @Test
    void factorOutsideZeroToOneIsRejectedWithTorchsMessage() {
        assertThatThrownBy(() -> new ConstantLR(sgd(0.1), 1.5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Constant multiplicative factor expected to be between 0 and 1.");
        assertThatThrownBy(() -> new ConstantLR(sgd(0.1), 0.5, -1)).hasMessage("ConstantLR: total_iters must be >= 0, got -1");
    }
}
