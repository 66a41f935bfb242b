package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
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
    void decayingToZeroEndsARoundingErrorBelowZeroAndTorchKeepsIt() {
        SGD opt = sgd(0.1);
        LinearLR s = new LinearLR(opt, 0.1, 0.0, 4);
        // lr_e = lr_(e-1)·(1 + (0 − 0.1)/(4·0.1 + (e − 1)·(0 − 0.1))), in doubles:
        //   e=0: 0.1·0.1 = 0.010000000000000002
        //   e=1: ·(1 − 0.1/0.4)                    = ·0.75
        //   e=2: ·(1 − 0.1/0.30000000000000004)    = ·0.6666666666666667
        //   e=3: ·(1 − 0.1/0.20000000000000004)    = ·0.5000000000000001
        //   e=4: ·(1 − 0.1/0.09999999999999998)    = ·(−2.220446049250313e-16)
        // torch 1.13 and 2.x give −5.551115123125785e-19 after step 4 and keep it; it stays there after.
        double e0 = 0.1 * 0.1;
        double e1 = e0 * (1 + (0 - 0.1) / (4 * 0.1 + 0 * (0 - 0.1)));
        double e2 = e1 * (1 + (0 - 0.1) / (4 * 0.1 + 1 * (0 - 0.1)));
        double e3 = e2 * (1 + (0 - 0.1) / (4 * 0.1 + 2 * (0 - 0.1)));
        double e4 = e3 * (1 + (0 - 0.1) / (4 * 0.1 + 3 * (0 - 0.1)));
        assertThat(e4).isEqualTo(-5.551115123125785E-19);
        double[] seen = new double[7];
        seen[0] = LrTesting.lr(opt, 0);
        for (int k = 1; k < seen.length; k++) {
            opt.step();
            s.step();
            seen[k] = LrTesting.lr(opt, 0);
        }
        assertThat(seen).containsExactly(e0, e1, e2, e3, e4, e4, e4);
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
