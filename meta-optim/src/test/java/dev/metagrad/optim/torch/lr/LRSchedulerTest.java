package dev.metagrad.optim.torch.lr;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.torch.GroupSpec;
import dev.metagrad.optim.torch.Options;
import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.torch.lr.LrTesting.lr;
import static dev.metagrad.optim.torch.lr.LrTesting.lrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The base mechanics every chainable scheduler shares (shown with StepLR, ExponentialLR and LambdaLR). */
class LRSchedulerTest {
    @Test
    void constructionSetsInitialLrOnlyWhereAbsentAndPerformsTheInitialStep() {
        SGD opt = sgd(0.1, 0.02);
        opt.paramGroups().get(0).set("initial_lr", 0.5);
        StepLR s = new StepLR(opt, 3);
        assertThat(opt.paramGroups().get(0).getDouble("initial_lr")).isEqualTo(0.5);
        assertThat(opt.paramGroups().get(1).getDouble("initial_lr")).isEqualTo(0.02);
        assertThat(s.baseLrs()).containsExactly(0.5, 0.02);
        assertThat(s.lastEpoch()).isZero();
        assertThat(s.stepCount()).isEqualTo(1);
        assertThat(s.getLastLr()).containsExactly(0.1, 0.02);
    }

    @Test
    void aLaterSchedulerSharesTheBaseLrOfTheFirst() {
        SGD opt = sgd(1.0);
        ExponentialLR first = new ExponentialLR(opt, 0.5);
        opt.step();
        first.step();
        first.step();
        assertThat(lr(opt, 0)).isEqualTo(0.25);
        StepLR second = new StepLR(opt, 2);
        assertThat(second.baseLrs()).containsExactly(1.0);
        assertThat(lr(opt, 0)).isEqualTo(0.25);
    }

    @Test
    void chainedSchedulersOnOneOptimizerMultiply() {
        SGD opt = sgd(1.0);
        StepLR step = new StepLR(opt, 2, 0.5);
        ExponentialLR exp = new ExponentialLR(opt, 0.5);
        // epoch 1: exp halves; epoch 2: both halve
        opt.step();
        step.step();
        exp.step();
        assertThat(lr(opt, 0)).isEqualTo(0.5);
        opt.step();
        step.step();
        exp.step();
        assertThat(lr(opt, 0)).isEqualTo(0.125);
    }

    @Test
    void firstStepBeforeAnyOptimizerStepWarnsOnceWithTorchsMessage() {
        SGD opt = sgd(0.1);
        StepLR s = new StepLR(opt, 3);
        try (SchedulerWarnings.Recorder w = SchedulerWarnings.record()) {
            s.step();
            s.step();
            assertThat(w.messages()).containsExactly(SchedulerWarnings.STEP_BEFORE_OPTIMIZER_STEP);
        }
        assertThat(SchedulerWarnings.STEP_BEFORE_OPTIMIZER_STEP)
                .startsWith("Detected call of `lr_scheduler.step()` before `optimizer.step()`.");
    }

    @Test
    void noWarningWhenTheOptimizerSteppedFirst() {
        SGD opt = sgd(0.1);
        StepLR s = new StepLR(opt, 3);
        try (SchedulerWarnings.Recorder w = SchedulerWarnings.record()) {
            opt.step();
            s.step();
            s.step();
            assertThat(w.messages()).isEmpty();
        }
    }

    @Test
    void optimizerStepsBeforeTheFirstSchedulerAreNotSeenAsInTorch() {
        SGD opt = sgd(0.1);
        opt.step();
        StepLR s = new StepLR(opt, 3);
        try (SchedulerWarnings.Recorder w = SchedulerWarnings.record()) {
            s.step();
            assertThat(w.messages()).hasSize(1);
        }
    }

    @Test
    void aSecondSchedulerSeesOptimizerStepsTrackedForTheFirst() {
        SGD opt = sgd(0.1);
        new StepLR(opt, 3);
        opt.step();
        StepLR later = new StepLR(opt, 3);
        try (SchedulerWarnings.Recorder w = SchedulerWarnings.record()) {
            later.step();
            assertThat(w.messages()).isEmpty();
        }
    }

    @Test
    void stateDictHasTorchsKeysInTorchsOrder() {
        StepLR s = new StepLR(sgd(0.1, 0.02), 3, 0.5);
        Map<String, Object> state = s.stateDict();
        assertThat(state.keySet()).containsExactly("step_size", "gamma", "base_lrs", "last_epoch", "_step_count",
                "_is_initial", "_get_lr_called_within_step", "_last_lr");
        assertThat(state.get("step_size")).isEqualTo(3L);
        assertThat(state.get("last_epoch")).isEqualTo(0L);
        assertThat(state.get("_step_count")).isEqualTo(1L);
        assertThat(state.get("_is_initial")).isEqualTo(false);
        assertThat(state.get("base_lrs")).isEqualTo(List.of(0.1, 0.02));
    }

    @Test
    void aLoadedStateDictResumesTheScheduleExactly() {
        SGD a = sgd(1.0, 0.5);
        StepLR sa = new StepLR(a, 2, 0.5);
        for (int k = 0; k < 5; k++) {
            a.step();
            sa.step();
        }
        SGD b = sgd(1.0, 0.5);
        StepLR sb = new StepLR(b, 7, 0.9);
        sb.loadStateDict(LrTesting.throughJson(sa.stateDict()));
        b.paramGroups().get(0).setLr(lr(a, 0));
        b.paramGroups().get(1).setLr(lr(a, 1));
        assertThat(sb.stateDict()).isEqualTo(sa.stateDict());
        for (int k = 0; k < 4; k++) {
            a.step();
            sa.step();
            b.step();
            sb.step();
            assertThat(lrs(b)).containsExactly(lrs(a));
        }
    }

    @Test
    void aBadStateDictIsRejectedAndChangesNothing() {
        StepLR s = new StepLR(sgd(0.1, 0.02), 3);
        Map<String, Object> before = s.stateDict();

        Map<String, Object> unknown = new LinkedHashMap<>(before);
        unknown.put("verbose", false);
        assertThatThrownBy(() -> s.loadStateDict(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StepLR.loadStateDict: unexpected keys [verbose]; nothing was loaded");

        Map<String, Object> wrongType = new LinkedHashMap<>(before);
        wrongType.put("last_epoch", 9L);
        wrongType.put("gamma", "0.5");
        assertThatThrownBy(() -> s.loadStateDict(wrongType)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"gamma\" must be a number");

        Map<String, Object> wrongLength = new LinkedHashMap<>(before);
        wrongLength.put("base_lrs", List.of(0.1));
        assertThatThrownBy(() -> s.loadStateDict(wrongLength)).hasMessageContaining("\"base_lrs\" must have 2 elements");

        Map<String, Object> fractional = new LinkedHashMap<>(before);
        fractional.put("step_size", 2.5);
        assertThatThrownBy(() -> s.loadStateDict(fractional)).hasMessageContaining("\"step_size\" must be an integer");

        assertThat(s.stateDict()).isEqualTo(before);
    }

    @Test
    void aPartialStateDictKeepsTheOtherValuesAsTorchsDictUpdate() {
        StepLR s = new StepLR(sgd(0.1), 3);
        s.loadStateDict(Map.of("gamma", 0.25));
        assertThat(s.stateDict().get("gamma")).isEqualTo(0.25);
        assertThat(s.stateDict().get("step_size")).isEqualTo(3L);
    }

    @Test
    void aStepThatThrowsChangesNothing() {
        SGD opt = sgd(1.0, 0.5);
        LambdaLR s = new LambdaLR(opt, epoch -> {
            if (epoch == 2) {
                throw new ArithmeticException("no factor at epoch 2");
            }
            return 0.5;
        });
        opt.step();
        s.step();
        Map<String, Object> before = s.stateDict();
        double[] lrsBefore = lrs(opt);
        assertThatThrownBy(s::step).isInstanceOf(ArithmeticException.class);
        assertThat(s.stateDict()).isEqualTo(before);
        assertThat(lrs(opt)).containsExactly(lrsBefore);
    }

    @Test
    void aConstructorThatThrowsChangesNothing() {
        SGD opt = sgd(0.1, 0.02);
        assertThatThrownBy(() -> new LambdaLR(opt, epoch -> {
            throw new IllegalStateException("bad lambda");
        })).hasMessage("bad lambda");
        assertThat(opt.paramGroups().get(0).has("initial_lr")).isFalse();
        assertThat(lrs(opt)).containsExactly(0.1, 0.02);
    }

    @Test
    void aNegativeLrIsWrittenUncheckedAsTorchDoes() {
        // torch assigns param_group["lr"] = lr without checks; only the constructor of an optimizer rejects lr < 0
        SGD opt = sgd(1.0, 0.5);
        LambdaLR s = new LambdaLR(opt, List.of(epoch -> epoch == 0 ? 1.0 : 0.5, epoch -> epoch == 0 ? 1.0 : -1.0));
        opt.step();
        s.step();
        assertThat(lrs(opt)).containsExactly(0.5, -0.5);
        assertThat(s.lastEpoch()).isEqualTo(1);
    }

    @Test
    void schedulersThatReadBaseLrsLeaveAGroupAddedLaterAloneAsTorchsZip() {
        SGD opt = sgd(1.0);
        LambdaLR lambda = new LambdaLR(opt, epoch -> 0.5);
        opt.addParamGroup(new GroupSpec(List.of(Tensor.of(3.0).requiresGrad(true)), Options.of("lr", 0.3)));
        opt.step();
        lambda.step();
        assertThat(lrs(opt)).containsExactly(0.5, 0.3);
        assertThat(lambda.getLastLr()).containsExactly(0.5, 0.3);
    }

    @Test
    void initializeTwiceIsAnError() {
        StepLR s = new StepLR(sgd(0.1), 3);
        assertThatThrownBy(s::initialize).isInstanceOf(IllegalStateException.class).hasMessage("StepLR is initialized already");
    }

    @Test
    void aSubclassThatForgetsInitializeCannotStep() {
        LRScheduler forgetful = new LRScheduler(sgd(0.1)) {
            @Override
            protected double[] getLr() {
                return new double[] {1.0};
            }
        };
        assertThatThrownBy(forgetful::step).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("was not initialized: its constructor must end with initialize()");
    }

    @Test
    void aSubclassOutsideThePackageOnlyImplementsGetLr() {
        SGD opt = sgd(1.0);
        LRScheduler halving = new LRScheduler(opt) {
            {
                initialize();
            }

            @Override
            protected double[] getLr() {
                return isInitial() ? new double[] {currentLr(0)} : new double[] {currentLr(0) / 2};
            }
        };
        LrTesting.assertLrs(opt, halving::step, 1.0, 0.5, 0.25);
    }
}
