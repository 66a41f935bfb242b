package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.Adam;
import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.metagrad.optim.torch.lr.LrTesting.assertLrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CyclicLRTest {
    private static double momentum(Optimizer opt, int group) {
        return opt.paramGroups().get(group).getDouble("momentum");
    }

    @Test
    void triangularCyclesLrUpAndMomentumDown() {
        SGD opt = sgd(0.7, 0.7);
        CyclicLR s = CyclicLR.builder(opt).baseLr(0.1).maxLr(0.5).stepSizeUp(2).build();
        // total 4, ratio 1/2: sf = 0, 1/2, 1, 1/2, 0, ...
        double[] lrs = {0.1, 0.3, 0.5, 0.3, 0.1, 0.3};
        double[] momentums = {0.9, 0.85, 0.8, 0.85, 0.9, 0.85};
        for (int k = 0; k < lrs.length; k++) {
            if (k > 0) {
                opt.step();
                s.step();
            }
            assertThat(LrTesting.lr(opt, 1)).as("lr after step " + k).isCloseTo(lrs[k], within(1e-15));
            assertThat(momentum(opt, 1)).as("momentum after step " + k).isCloseTo(momentums[k], within(1e-15));
        }
        assertThat(s.baseLrs()).containsExactly(0.1, 0.1);
        assertThat(opt.paramGroups().get(0).getDouble("max_momentum")).isEqualTo(0.9);
        assertThat(opt.paramGroups().get(0).getDouble("base_momentum")).isEqualTo(0.8);
    }

    @Test
    void triangular2HalvesTheAmplitudeEveryCycle() {
        SGD opt = sgd(0.7);
        CyclicLR s = CyclicLR.builder(opt).baseLr(0.1).maxLr(0.5).stepSizeUp(1).stepSizeDown(3)
                .mode(CyclicLR.Mode.TRIANGULAR2).cycleMomentum(false).build();
        // total 4, ratio 1/4: peak at e = 1 (0.5) and e = 5 (0.1 + 0.4/2)
        assertLrs(opt, s::step, 0.1, 0.5, 0.1 + 0.4 * 2 / 3, 0.1 + 0.4 / 3, 0.1, 0.3);
        assertThat(momentum(opt, 0)).isEqualTo(0.9);
    }

    @Test
    void expRangeScalesByGammaToTheIteration() {
        SGD opt = sgd(0.7);
        CyclicLR s = CyclicLR.builder(opt).baseLr(0.1).maxLr(0.5).stepSizeUp(2).mode(CyclicLR.Mode.EXP_RANGE)
                .gamma(0.5).build();
        // e = 1: sf 1/2, scale 0.5^1; e = 2: sf 1, scale 0.25
        assertLrs(opt, s::step, 0.1, 0.2, 0.2);
        assertThat(s.stateDict().get("scale_mode")).isEqualTo("iterations");
    }

    @Test
    void aCustomScaleFunctionReplacesTheMode() {
        SGD opt = sgd(0.7);
        CyclicLR s = CyclicLR.builder(opt).baseLr(0.1).maxLr(0.5).stepSizeUp(2)
                .scaleFn(x -> 1 / (1 + x), CyclicLR.ScaleMode.ITERATIONS).cycleMomentum(false).build();
        // e = 1: 0.1 + 0.4·(1/2)·(1/2); e = 2: 0.1 + 0.4·1·(1/3)
        assertLrs(opt, s::step, 0.1, 0.2, 0.1 + 0.4 / 3);
        assertThat(s.stateDict().get("_scale_fn_custom")).isNull();
        assertThat(s.stateDict().keySet()).endsWith("_scale_fn_custom");
    }

    @Test
    void cyclesBeta1OfAdamAndKeepsBeta2() {
        Adam opt = LrTesting.adam(0.7, 0.7);
        CyclicLR s = CyclicLR.builder(opt).baseLr(List.of(0.1, 0.2)).maxLr(List.of(0.5, 0.4)).stepSizeUp(2)
                .baseMomentum(List.of(0.8, 0.7)).maxMomentum(List.of(0.9, 0.95)).build();
        opt.step();
        s.step();
        double[] betas = opt.paramGroups().get(1).options().getDoubles("betas");
        assertThat(betas[0]).isCloseTo(0.825, within(1e-15));
        assertThat(betas[1]).isEqualTo(0.999);
        assertThat(LrTesting.lr(opt, 0)).isCloseTo(0.3, within(1e-15));
        assertThat(LrTesting.lr(opt, 1)).isCloseTo(0.3, within(1e-15));
        assertThat(s.stateDict().get("use_beta1")).isEqualTo(true);
    }

    @Test
    void argumentsAreCheckedBeforeAnythingChanges() {
        SGD opt = sgd(0.7, 0.7);
        assertThatThrownBy(() -> CyclicLR.builder(opt).baseLr(List.of(0.1, 0.2, 0.3)).maxLr(0.5).build())
                .hasMessage("base_lr must have the same length as optimizer.param_groups. base_lr has 3 values, "
                        + "param_groups has 2.");
        assertThatThrownBy(() -> CyclicLR.builder(opt).maxLr(0.5).build())
                .hasMessage("CyclicLR: base_lr and max_lr are required");
        assertThatThrownBy(() -> CyclicLR.builder(opt).baseLr(0.1).maxLr(0.5).stepSizeUp(0).build())
                .hasMessage("CyclicLR: step_size_up must be a positive integer, got 0");
        assertThatThrownBy(() -> CyclicLR.builder(LrTesting.plain(0.1)).baseLr(0.1).maxLr(0.5).build())
                .hasMessage("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
        assertThatThrownBy(() -> CyclicLR.Mode.parse("cosine")).hasMessageStartingWith("mode is invalid");
        assertThat(LrTesting.lrs(opt)).containsExactly(0.7, 0.7);
        assertThat(opt.paramGroups().get(0).has("initial_lr")).isFalse();
    }

    @Test
    void withoutMomentumCyclingAnyOptimizerWorks() {
        Optimizer opt = LrTesting.plain(0.7);
        CyclicLR s = CyclicLR.builder(opt).baseLr(0.1).maxLr(0.5).stepSizeUp(2).cycleMomentum(false).build();
        assertLrs(opt, s::step, 0.1, 0.3, 0.5);
        assertThat(s.stateDict()).doesNotContainKey("use_beta1");
    }

    @Test
    void stateDictHasTorchsKeysAndRoundTrips() {
        SGD opt = sgd(0.7, 0.7);
        CyclicLR s = CyclicLR.builder(opt).baseLr(0.1).maxLr(0.5).stepSizeUp(2).build();
        opt.step();
        s.step();
        Map<String, Object> state = s.stateDict();
        assertThat(state.keySet()).containsExactly("max_lrs", "total_size", "step_ratio", "mode", "gamma", "scale_mode",
                "cycle_momentum", "use_beta1", "base_momentums", "max_momentums", "base_lrs", "last_epoch",
                "_step_count", "_is_initial", "_get_lr_called_within_step", "_last_lr", "_scale_fn_custom");
        CyclicLR t = CyclicLR.builder(sgd(0.7, 0.7)).baseLr(0.2).maxLr(0.3).stepSizeUp(7)
                .mode(CyclicLR.Mode.TRIANGULAR2).build();
        t.loadStateDict(LrTesting.throughJson(state));
        assertThat(t.stateDict()).isEqualTo(state);

        CyclicLR noMomentum = CyclicLR.builder(sgd(0.7, 0.7)).baseLr(0.2).maxLr(0.3).cycleMomentum(false).build();
        assertThatThrownBy(() -> noMomentum.loadStateDict(state))
                .hasMessageContaining("built without momentum cycling");
    }
}
