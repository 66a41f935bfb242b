package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.lrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainedSchedulerTest {
    @Test
    void stepsEveryChildSoTheirFactorsMultiply() {
        SGD opt = sgd(1.0);
        ConstantLR constant = new ConstantLR(opt, 0.5, 2);
        ExponentialLR exp = new ExponentialLR(opt, 0.5);
        ChainedScheduler chain = new ChainedScheduler(List.of(constant, exp));
        // ConstantLR's ·2 at total_iters undoes its own factor on top of the exponential decay
        assertLrs(opt, chain::step, 0.5, 0.25, 0.25, 0.125);
        assertThat(chain.baseLrs()).containsExactly(1.0);
        assertThat(chain.getLastLr()).containsExactly(0.125);
        assertThat(chain.schedulers()).containsExactly(constant, exp);
    }

    @Test
    void childrenMustShareOneOptimizer() {
        assertThatThrownBy(() -> new ChainedScheduler(List.of()))
                .hasMessage("ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.");
        StepLR a = new StepLR(sgd(1.0), 2);
        StepLR b = new StepLR(sgd(1.0), 2);
        assertThatThrownBy(() -> new ChainedScheduler(List.of(a, b)))
                .hasMessageStartingWith("ChainedScheduler expects all schedulers to belong to the same optimizer, but got "
                        + "scheduler StepLR at index 1 has");
        assertThatThrownBy(() -> new ChainedScheduler(List.of(a), b.optimizer()))
                .hasMessageContaining("at index 0");
    }

    @Test
    void aChildThatThrowsPutsEverythingBack() {
        SGD opt = sgd(1.0);
        ExponentialLR exp = new ExponentialLR(opt, 0.5);
        MultiplicativeLR failing = new MultiplicativeLR(opt, epoch -> {
            if (epoch == 2) {
                throw new ArithmeticException("epoch 2");
            }
            return 1.0;
        });
        ChainedScheduler chain = new ChainedScheduler(List.of(exp, failing));
        opt.step();
        chain.step();
        Map<String, Object> before = chain.stateDict();
        assertThatThrownBy(chain::step).isInstanceOf(ArithmeticException.class);
        assertThat(chain.stateDict()).isEqualTo(before);
        assertThat(lrs(opt)).containsExactly(0.5);
    }

    @Test
    void stateDictNestsTheChildren() {
        SGD opt = sgd(1.0);
        ChainedScheduler chain = new ChainedScheduler(List.of(new StepLR(opt, 2), new ExponentialLR(opt, 0.9)));
        opt.step();
        chain.step();
        Map<String, Object> state = chain.stateDict();
        assertThat(state.keySet()).containsExactly("_last_lr", "_schedulers");
        SGD other = sgd(1.0);
        ChainedScheduler copy = new ChainedScheduler(List.of(new StepLR(other, 5), new ExponentialLR(other, 0.1)));
        copy.loadStateDict(LrTesting.throughJson(state));
        assertThat(copy.stateDict()).isEqualTo(state);
        assertThatThrownBy(() -> copy.loadStateDict(Map.of("_schedulers", List.of(Map.of()))))
                .hasMessageContaining("\"_schedulers\" must have 2 entries, got 1");
    }
}
