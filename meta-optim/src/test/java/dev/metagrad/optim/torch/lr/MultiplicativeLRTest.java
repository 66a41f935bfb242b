package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.lrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultiplicativeLRTest {
    @Test
    void multipliesTheCurrentLrButNotAtConstruction() {
        SGD opt = sgd(1.0);
        MultiplicativeLR s = new MultiplicativeLR(opt, epoch -> 0.5);
        assertLrs(opt, s::step, 1.0, 0.5, 0.25, 0.125);
    }

    @Test
    void lambdaSeesTheEpochPerGroup() {
        SGD opt = sgd(1.0, 1.0);
        MultiplicativeLR s = new MultiplicativeLR(opt, List.of(epoch -> epoch % 2 == 0 ? 0.5 : 2.0, epoch -> epoch));
        opt.step();
        s.step();
        assertThat(lrs(opt)).containsExactly(2.0, 1.0);
        opt.step();
        s.step();
        assertThat(lrs(opt)).containsExactly(1.0, 2.0);
    }

    @Test
    void lambdaCountMustMatchTheGroups() {
        assertThatThrownBy(() -> new MultiplicativeLR(sgd(0.1, 0.2), List.of(e -> 1.0)))
                .hasMessage("Expected 2 lr_lambdas, but got 1");
    }

    @Test
    void stateDictEndsWithTheLambdas() {
        MultiplicativeLR s = new MultiplicativeLR(sgd(0.1), e -> 0.9);
        assertThat(s.stateDict().keySet()).endsWith("_last_lr", "lr_lambdas");
        assertThat(s.stateDict().get("lr_lambdas")).isEqualTo(java.util.Collections.singletonList(null));
    }
}
