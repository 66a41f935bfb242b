package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Adam;
import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OneCycleLRTest {
    private static OneCycleLR.Builder linear(SGD opt) {
        return OneCycleLR.builder(opt).maxLr(1.0).totalSteps(10).divFactor(10).finalDivFactor(100)
                .annealStrategy(AnnealStrategy.LINEAR);
    }

    @Test
    void twoPhasesWarmUpThenAnnealToMinLr() {
        SGD opt = sgd(0.7);
        OneCycleLR s = linear(opt).cycleMomentum(false).build();
        // initial 0.1, max 1, min 0.001; phase 1 ends at 0.3·10 − 1 = 2, phase 2 at 9
        assertLrs(opt, s::step, 0.1, 0.55, 1.0, 1 - 0.999 / 7, 1 - 0.999 * 2 / 7, 1 - 0.999 * 3 / 7,
                1 - 0.999 * 4 / 7, 1 - 0.999 * 5 / 7, 1 - 0.999 * 6 / 7, 0.001);
        assertThat(s.baseLrs()).containsExactly(0.1);
        assertThat(opt.paramGroups().get(0).getDouble("max_lr")).isEqualTo(1.0);
        assertThat(opt.paramGroups().get(0).getDouble("min_lr")).isEqualTo(0.001);
    }

    @Test
    void threePhasesGoBackToTheInitialLrBeforeTheEnd() {
        SGD opt = sgd(0.7);
        OneCycleLR s = linear(opt).threePhase(true).cycleMomentum(false).build();
        // phases end at 2, 4 (2·0.3·10 − 2) and 9
        assertLrs(opt, s::step, 0.1, 0.55, 1.0, 0.55, 0.1, 0.1 - 0.099 / 5, 0.1 - 0.099 * 2 / 5);
    }

    @Test
    void momentumCyclesInverselyWithCosineAnnealing() {
        SGD opt = sgd(0.7);
        OneCycleLR s = OneCycleLR.builder(opt).maxLr(1.0).totalSteps(10).build();
        assertThat(opt.paramGroups().get(0).getDouble("momentum")).isEqualTo(0.95);
        opt.step();
        s.step();
        // halfway through phase 1 (ends at 2): cos anneal at pct 1/2 is the midpoint
        assertThat(opt.paramGroups().get(0).getDouble("momentum")).isCloseTo(0.9, within(1e-15));
        assertThat(LrTesting.lr(opt, 0)).isCloseTo((0.04 + 1.0) / 2, within(1e-15));
        opt.step();
        s.step();
        assertThat(opt.paramGroups().get(0).getDouble("momentum")).isCloseTo(0.85, within(1e-15));
    }

    @Test
    void cyclesBeta1OfAdam() {
        Adam opt = LrTesting.adam(0.7, 0.7);
        OneCycleLR s = OneCycleLR.builder(opt).maxLr(List.of(1.0, 0.5)).totalSteps(10).baseMomentum(0.8)
                .maxMomentum(0.9).build();
        assertThat(opt.paramGroups().get(1).options().getDoubles("betas")).containsExactly(0.9, 0.999);
        assertThat(s.baseLrs()).containsExactly(0.04, 0.02);
        assertThat(s.stateDict().get("use_beta1")).isEqualTo(true);
    }

    @Test
    void steppingPastTotalStepsThrowsTorchsErrorAndChangesNothing() {
        SGD opt = sgd(0.7);
        OneCycleLR s = OneCycleLR.builder(opt).maxLr(1.0).totalSteps(3).build();
        for (int k = 0; k < 3; k++) {
            opt.step();
            s.step();
        }
        Map<String, Object> before = s.stateDict();
        double lr = LrTesting.lr(opt, 0);
        assertThatThrownBy(s::step).isInstanceOf(IllegalStateException.class)
                .hasMessage("Tried to step 4 times. The specified number of total steps is 3");
        assertThat(s.stateDict()).isEqualTo(before);
        assertThat(LrTesting.lr(opt, 0)).isEqualTo(lr);
    }

    @Test
    void totalStepsMayComeFromEpochsAndStepsPerEpoch() {
        OneCycleLR s = OneCycleLR.builder(sgd(0.7)).maxLr(1.0).epochs(4).stepsPerEpoch(10).build();
        assertThat(s.totalSteps()).isEqualTo(40);
    }

    @Test
    void overridesAnInitialLrTheGroupAlreadyHad() {
        SGD opt = sgd(0.7);
        opt.paramGroups().get(0).set("initial_lr", 0.3);
        OneCycleLR.builder(opt).maxLr(1.0).totalSteps(10).build();
        assertThat(opt.paramGroups().get(0).getDouble("initial_lr")).isEqualTo(0.04);
    }

    @Test
    void argumentsAreCheckedWithTorchsMessagesBeforeAnythingChanges() {
        SGD opt = sgd(0.7);
        assertThatThrownBy(() -> OneCycleLR.builder(opt).maxLr(1.0).build())
                .hasMessage("You must define either total_steps OR (epochs AND steps_per_epoch)");
        assertThatThrownBy(() -> OneCycleLR.builder(opt).maxLr(1.0).totalSteps(0).build())
                .hasMessage("Expected positive integer total_steps, but got 0");
        assertThatThrownBy(() -> OneCycleLR.builder(opt).maxLr(1.0).epochs(0).stepsPerEpoch(3).build())
                .hasMessage("Expected positive integer epochs, but got 0");
        assertThatThrownBy(() -> OneCycleLR.builder(opt).maxLr(1.0).epochs(2).stepsPerEpoch(-1).build())
                .hasMessage("Expected positive integer steps_per_epoch, but got -1");
        assertThatThrownBy(() -> OneCycleLR.builder(opt).maxLr(1.0).totalSteps(10).pctStart(1.5).build())
                .hasMessage("Expected float between 0 and 1 pct_start, but got 1.5");
        assertThatThrownBy(() -> OneCycleLR.builder(opt).maxLr(1.0).totalSteps(10).pctStart(-1e-5).build())
                .hasMessage("Expected float between 0 and 1 pct_start, but got -1e-05");
        assertThatThrownBy(() -> OneCycleLR.builder(opt).maxLr(List.of(1.0, 2.0)).totalSteps(10).build())
                .hasMessage("max_lr must have the same length as optimizer.param_groups. max_lr has 2 values, "
                        + "param_groups has 1.");
        assertThatThrownBy(() -> OneCycleLR.builder(LrTesting.plain(0.1)).maxLr(1.0).totalSteps(10).build())
                .hasMessage("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
        assertThatThrownBy(() -> OneCycleLR.builder(opt).maxLr(1.0).totalSteps(2).pctStart(0.5).build())
                .hasMessage("OneCycleLR: phase 0 of the schedule is empty: it starts and ends at step 0.0 (a division "
                        + "by zero in torch); use more total_steps or another pct_start");
        assertThat(opt.paramGroups().get(0).has("initial_lr")).isFalse();
        assertThat(opt.paramGroups().get(0).getDouble("momentum")).isEqualTo(0.9);
    }

    @Test
    void stateDictHasTorchsKeysAndRoundTrips() {
        SGD opt = sgd(0.7);
        OneCycleLR s = OneCycleLR.builder(opt).maxLr(1.0).totalSteps(10).threePhase(true).build();
        opt.step();
        s.step();
        Map<String, Object> state = s.stateDict();
        assertThat(state.keySet()).startsWith("total_steps", "_schedule_phases", "_anneal_func_type", "cycle_momentum",
                "use_beta1", "base_lrs");
        assertThat((List<?>) state.get("_schedule_phases")).hasSize(3);
        OneCycleLR t = OneCycleLR.builder(sgd(0.7)).maxLr(1.0).totalSteps(20).build();
        t.loadStateDict(LrTesting.throughJson(state));
        assertThat(t.stateDict()).isEqualTo(state);
    }
}
