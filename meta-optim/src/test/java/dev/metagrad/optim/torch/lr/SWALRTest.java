package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.lrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SWALRTest {
    @Test
    void annealsLinearlyToSwaLrThenHolds() {
        SGD opt = sgd(0.5);
        SWALR s = new SWALR(opt, 0.1, 4, AnnealStrategy.LINEAR);
        // alpha = s/4: 0.1·alpha + 0.5·(1 − alpha), the 0.5 rebuilt from the current lr each step
        assertLrs(opt, s::step, 0.5, 0.4, 0.3, 0.2, 0.1, 0.1);
        assertThat(opt.paramGroups().get(0).getDouble("swa_lr")).isEqualTo(0.1);
    }

    @Test
    void annealsAlongACosine() {
        SGD opt = sgd(1.0);
        SWALR s = new SWALR(opt, 0.0, 2, AnnealStrategy.COS);
        // alpha(1/2) = (1 − cos(π/2))/2 = 1/2
        assertLrs(opt, s::step, 1.0, 0.5, 0.0, 0.0);
    }

    @Test
    void zeroAnnealEpochsSwitchesAtConstruction() {
        SGD opt = sgd(0.5, 0.3);
        new SWALR(opt, List.of(0.05, 0.02), 0, AnnealStrategy.COS);
        assertThat(lrs(opt)).containsExactly(0.05, 0.02);
    }

    @Test
    void defaultsAreTenCosineEpochs() {
        SWALR s = new SWALR(sgd(0.5), 0.1);
        assertThat(s.stateDict().get("anneal_epochs")).isEqualTo(10L);
        assertThat(s.stateDict().get("_anneal_strategy")).isEqualTo("cos");
        assertThat(s.stateDict().keySet()).startsWith("_anneal_strategy", "anneal_epochs", "base_lrs");
    }

    @Test
    void argumentsAreCheckedWithTorchsMessagesBeforeAnythingChanges() {
        SGD opt = sgd(0.5, 0.3);
        assertThatThrownBy(() -> new SWALR(opt, 0.1, -1, AnnealStrategy.COS))
                .hasMessage("anneal_epochs must be equal or greater than 0, got -1");
        assertThatThrownBy(() -> new SWALR(opt, List.of(0.1, 0.2, 0.3), 5, AnnealStrategy.LINEAR))
                .hasMessage("swa_lr must have the same length as optimizer.param_groups. swa_lr has 3 values, "
                        + "param_groups has 2.");
        assertThat(opt.paramGroups().get(0).has("swa_lr")).isFalse();
    }

    @Test
    void stateDictRoundTrip() {
        SGD opt = sgd(0.5);
        SWALR s = new SWALR(opt, 0.1, 4, AnnealStrategy.LINEAR);
        opt.step();
        s.step();
        SWALR t = new SWALR(sgd(0.5), 0.2, 9, AnnealStrategy.COS);
        t.loadStateDict(LrTesting.throughJson(s.stateDict()));
        assertThat(t.stateDict()).isEqualTo(s.stateDict());
    }
}
