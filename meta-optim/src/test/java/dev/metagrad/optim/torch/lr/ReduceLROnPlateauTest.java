package dev.metagrad.optim.torch.lr;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.torch.GroupSpec;
import dev.metagrad.optim.torch.Options;
import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.torch.lr.LrTesting.lr;
import static dev.metagrad.optim.torch.lr.LrTesting.lrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReduceLROnPlateauTest {
    private static double[] run(ReduceLROnPlateau s, double... metrics) {
        double[] out = new double[metrics.length];
        for (int k = 0; k < metrics.length; k++) {
            s.optimizer().step();
            s.step(metrics[k]);
            out[k] = lr(s.optimizer(), 0);
        }
        return out;
    }

    @Test
    void reducesAfterMoreThanPatienceBadSteps() {
        SGD opt = sgd(1.0, 0.5);
        ReduceLROnPlateau s = ReduceLROnPlateau.builder(opt).factor(0.5).patience(1)
                .thresholdMode(ReduceLROnPlateau.ThresholdMode.ABS).threshold(0).build();
        assertThat(lrs(opt)).containsExactly(1.0, 0.5);
        // 10 and 9 improve; two 9s in a row are 2 > 1 bad steps -> halve; 8 improves
        assertThat(run(s, 10, 9, 9, 9, 8, 8, 8)).containsExactly(1, 1, 1, 0.5, 0.5, 0.5, 0.25);
        assertThat(lr(opt, 1)).isEqualTo(0.125);
        assertThat(s.best()).isEqualTo(8.0);
        assertThat(s.lastEpoch()).isEqualTo(7);
    }

    @Test
    void relativeThresholdNeedsAnImprovementBeyondIt() {
        ReduceLROnPlateau s = ReduceLROnPlateau.builder(sgd(1.0)).factor(0.5).patience(0).threshold(0.1).build();
        // 9.5 > 10·0.9: not better, so one bad step > patience 0
        assertThat(run(s, 10, 9.5, 8.9)).containsExactly(1, 0.5, 0.5);
        assertThat(s.best()).isEqualTo(8.9);
    }

    @Test
    void maxModeWantsTheMetricToGrow() {
        ReduceLROnPlateau s = ReduceLROnPlateau.builder(sgd(1.0)).mode(ReduceLROnPlateau.Mode.MAX).factor(0.5)
                .patience(0).thresholdMode(ReduceLROnPlateau.ThresholdMode.ABS).threshold(1).build();
        assertThat(run(s, 1, 2.5, 3, 4.5)).containsExactly(1, 1, 0.5, 0.5);
    }

    @Test
    void cooldownIgnoresBadStepsAfterAReduction() {
        ReduceLROnPlateau s = ReduceLROnPlateau.builder(sgd(1.0)).factor(0.5).patience(0).cooldown(2)
                .thresholdMode(ReduceLROnPlateau.ThresholdMode.ABS).threshold(0).build();
        assertThat(run(s, 1, 2, 2, 2, 2)).containsExactly(1, 0.5, 0.5, 0.5, 0.25);
        assertThat(s.inCooldown()).isTrue();
        assertThat(s.cooldownCounter()).isEqualTo(2);
    }

    @Test
    void minLrBoundsEachGroupAndEpsSkipsTinyReductions() {
        SGD opt = sgd(1.0, 0.5);
        ReduceLROnPlateau s = ReduceLROnPlateau.builder(opt).factor(0.1).patience(0).minLr(List.of(0.3, 0.0))
                .eps(0.46).build();
        run(s, 1, 2);
        // group 0: max(0.1, 0.3) = 0.3, a 0.7 reduction; group 1: 0.05 is a 0.45 reduction <= eps, skipped
        assertThat(lrs(opt)).containsExactly(0.3, 0.5);
    }

    @Test
    void aGroupAddedLaterGetsTheScalarMinLrButNotAPerGroupOne() {
        SGD opt = sgd(1.0);
        ReduceLROnPlateau scalar = ReduceLROnPlateau.builder(opt).factor(0.5).patience(0).minLr(0.4).build();
        ReduceLROnPlateau perGroup = ReduceLROnPlateau.builder(opt).factor(0.5).patience(0).minLr(List.of(0.4)).build();
        opt.addParamGroup(new GroupSpec(List.of(Tensor.of(3.0).requiresGrad(true)), Options.of("lr", 0.6)));
        run(scalar, 1, 2);
        assertThat(lrs(opt)).containsExactly(0.5, 0.4);
        perGroup.step(1);
        Map<String, Object> before = perGroup.stateDict();
        assertThatThrownBy(() -> perGroup.step(2)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The number of param groups in the `optimizer` (2) differs from when "
                        + "`ReduceLROnPlateau` was initialized (1)");
        assertThat(perGroup.stateDict()).isEqualTo(before);
        assertThat(lrs(opt)).containsExactly(0.5, 0.4);
    }

    @Test
    void acceptsAOneElementTensorMetric() {
        ReduceLROnPlateau s = new ReduceLROnPlateau(sgd(1.0));
        s.step(Tensor.of(3.0));
        assertThat(s.best()).isEqualTo(3.0);
        assertThatThrownBy(() -> s.step(Tensor.of(1.0, 2.0)))
                .hasMessage("ReduceLROnPlateau.step: the metric must hold one element, got 2");
    }

    @Test
    void argumentsAreCheckedWithTorchsMessages() {
        assertThatThrownBy(() -> ReduceLROnPlateau.builder(sgd(1.0)).factor(1.0).build())
                .hasMessage("Factor should be < 1.0.");
        assertThatThrownBy(() -> ReduceLROnPlateau.builder(sgd(1.0, 0.5)).minLr(List.of(0.1, 0.1, 0.1)).build())
                .hasMessage("expected 2 min_lrs, got 3");
        assertThatThrownBy(() -> ReduceLROnPlateau.Mode.parse("avg")).hasMessage("mode avg is unknown!");
        assertThatThrownBy(() -> ReduceLROnPlateau.ThresholdMode.parse("pct")).hasMessage("threshold mode pct is unknown!");
    }

    @Test
    void neverWarnsAboutTheCallOrder() {
        ReduceLROnPlateau s = new ReduceLROnPlateau(sgd(1.0));
        try (SchedulerWarnings.Recorder w = SchedulerWarnings.record()) {
            s.step(1.0);
            s.step(2.0);
            assertThat(w.messages()).isEmpty();
        }
    }

    @Test
    void stateDictHasTorchsKeysAndRoundTrips() {
        ReduceLROnPlateau s = ReduceLROnPlateau.builder(sgd(1.0)).factor(0.5).patience(0).cooldown(1).build();
        Map<String, Object> fresh = s.stateDict();
        assertThat(fresh.keySet()).containsExactly("factor", "default_min_lr", "min_lrs", "patience", "cooldown", "eps",
                "last_epoch", "_last_lr", "mode_worse", "mode", "threshold", "threshold_mode", "best",
                "cooldown_counter", "num_bad_epochs");
        assertThat(fresh.get("best")).isEqualTo(Double.POSITIVE_INFINITY);
        run(s, 3, 4);
        ReduceLROnPlateau t = new ReduceLROnPlateau(sgd(1.0));
        t.loadStateDict(s.stateDict());
        assertThat(t.stateDict()).isEqualTo(s.stateDict());
        assertThatThrownBy(() -> t.loadStateDict(Map.of("mode", "median")))
                .hasMessageContaining("\"mode\" must be one of");
    }
}
