package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.lr;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequentialLRTest {
    @Test
    void warmUpThenRestartTheNextFromItsBaseLr() {
        SGD opt = sgd(1.0);
        LinearLR warmup = new LinearLR(opt, 0.5, 1.0, 2);
        ExponentialLR decay = new ExponentialLR(opt, 0.5);
        SequentialLR s = new SequentialLR(opt, List.of(warmup, decay), List.of(2));
        // warm-up 0.5, 0.75; at milestone 2 the exponential restarts at its closed form base·0.5^0
        assertLrs(opt, s::step, 0.5, 0.75, 1.0, 0.5, 0.25);
        assertThat(s.lastEpoch()).isEqualTo(4);
        assertThat(decay.lastEpoch()).isEqualTo(2);
        assertThat(s.baseLrs()).containsExactly(1.0);
        assertThat(s.getLastLr()).containsExactly(0.25);
    }

    @Test
    void multiplicativeLrEnteredAtAMilestoneMultipliesTheCurrentLrByLambdaOfZero() {
        SGD opt = sgd(1.0);
        LinearLR warmup = new LinearLR(opt, 0.5, 1.0, 2);
        MultiplicativeLR mult = new MultiplicativeLR(opt, epoch -> epoch == 0 ? 0.5 : 0.25);
        SequentialLR s = new SequentialLR(opt, List.of(warmup, mult), List.of(2));
        assertLrs(opt, s::step, 0.5, 0.75, 0.375, 0.09375);
    }

    @Test
    void lambdaLrEnteredAtAMilestoneGivesBaseTimesLambdaOfZero() {
        SGD opt = sgd(1.0);
        ConstantLR constant = new ConstantLR(opt, 0.5, 10);
        LambdaLR lambda = new LambdaLR(opt, epoch -> 0.8 - 0.1 * epoch);
        SequentialLR s = new SequentialLR(opt, List.of(constant, lambda), List.of(1));
        assertLrs(opt, s::step, 0.5, 0.8, 0.7, 0.6);
    }

    @Test
    void theMilestoneSwitchIsNotWarnedButEachChildsFirstStepIs() {
        SGD opt = sgd(1.0);
        SequentialLR s = new SequentialLR(opt, List.of(new StepLR(opt, 5), new StepLR(opt, 5)), List.of(2));
        try (SchedulerWarnings.Recorder w = SchedulerWarnings.record()) {
            for (int k = 0; k < 4; k++) {
                opt.step();
                s.step();
            }
            assertThat(w.messages()).isEmpty();
        }
        SGD fresh = sgd(1.0);
        SequentialLR t = new SequentialLR(fresh, List.of(new StepLR(fresh, 5), new StepLR(fresh, 5)), List.of(2));
        try (SchedulerWarnings.Recorder w = SchedulerWarnings.record()) {
            for (int k = 0; k < 4; k++) {
                t.step();
            }
            // step 1 is child 0's first step(); step 2 is the milestone (_update_lr); step 3 is child 1's first
            assertThat(w.messages()).hasSize(2);
        }
    }

    @Test
    void argumentsAreCheckedWithTorchsMessagesBeforeAnythingChanges() {
        SGD opt = sgd(1.0);
        StepLR a = new StepLR(opt, 2);
        StepLR b = new StepLR(opt, 3);
        assertThatThrownBy(() -> new SequentialLR(opt, List.of(a, b), List.of(1, 2)))
                .hasMessage("Sequential Schedulers expects number of schedulers provided to be one more than the number "
                        + "of milestone points, but got number of schedulers 2 and the number of milestones to be equal to 2");
        assertThatThrownBy(() -> new SequentialLR(opt, List.of(), List.of()))
                .hasMessage("SequentialLR expects at least one scheduler, but got no scheduler.");
        SGD other = sgd(1.0);
        assertThatThrownBy(() -> new SequentialLR(other, List.of(a, b), List.of(2)))
                .hasMessageStartingWith("SequentialLR expects all schedulers to belong to the same optimizer");
        assertThat(a.lastEpoch()).isZero();
        assertThat(b.lastEpoch()).isZero();
    }

    @Test
    void aChildThatThrowsDuringConstructionPutsEverythingBack() {
        SGD opt = sgd(1.0);
        int[] calls = {0};
        LambdaLR flaky = new LambdaLR(opt, epoch -> {
            if (calls[0]++ > 0) {
                throw new IllegalStateException("second call");
            }
            return 0.5;
        });
        ExponentialLR exp = new ExponentialLR(opt, 0.9);
        opt.paramGroups().get(0).setLr(0.3);
        assertThatThrownBy(() -> new SequentialLR(opt, List.of(flaky, exp), List.of(3))).hasMessage("second call");
        assertThat(flaky.lastEpoch()).isZero();
        assertThat(exp.lastEpoch()).isZero();
        assertThat(lr(opt, 0)).isEqualTo(0.3);
    }

    @Test
    void stateDictNestsTheChildren() {
        SGD opt = sgd(1.0);
        SequentialLR s = new SequentialLR(opt, List.of(new ConstantLR(opt), new ExponentialLR(opt, 0.5)), List.of(3));
        for (int k = 0; k < 4; k++) {
            opt.step();
            s.step();
        }
        Map<String, Object> state = s.stateDict();
        assertThat(state.keySet()).containsExactly("_milestones", "last_epoch", "_last_lr", "_schedulers");
        SGD other = sgd(1.0);
        SequentialLR copy = new SequentialLR(other, List.of(new ConstantLR(other), new ExponentialLR(other, 0.1)),
                List.of(7));
        copy.loadStateDict(LrTesting.throughJson(state));
        assertThat(copy.stateDict()).isEqualTo(state);
        assertThat(copy.milestones()).containsExactly(3);
    }
}
