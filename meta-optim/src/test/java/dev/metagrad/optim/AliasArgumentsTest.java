package dev.metagrad.optim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad optimizer arguments are rejected with a message naming the argument. */
class AliasArgumentsTest {
    @Test
    void negativeLearningRateIsRejected() {
        assertThatThrownBy(() -> Alias.sgd(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> AdamOptions.defaults().lr(-1e-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr");
    }

    @Test
    void sgdNeedsALearningRate() {
        assertThatThrownBy(() -> Alias.sgd(SgdOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr is required");
    }

    @Test
    void negativeEpsIsRejected() {
        assertThatThrownBy(() -> Alias.adam(AdamOptions.defaults().eps(-1e-8))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eps must be >= 0");
        assertThatThrownBy(() -> Alias.adam(AdamOptions.defaults().epsRoot(-1.0))).hasMessageContaining("eps_root");
        assertThatThrownBy(() -> Alias.adagrad(AdagradOptions.defaults().eps(-1.0))).hasMessageContaining("eps");
    }

    @Test
    void betasOutsideTheUnitIntervalAreRejected() {
        assertThatThrownBy(() -> Alias.adam(AdamOptions.defaults().betas(1.0, 0.999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("betas[0] must be in [0, 1)");
        assertThatThrownBy(() -> Alias.radam(RAdamOptions.defaults().betas(0.9, -0.1)))
                .hasMessageContaining("betas[1]");
        assertThatThrownBy(() -> Alias.adamax(AdamaxOptions.defaults().betas(0.9, 1.5))).hasMessageContaining("betas[1]");
        assertThatThrownBy(() -> Alias.adamw(AdamWOptions.defaults().betas(Double.NaN, 0.9))).hasMessageContaining("betas[0]");
    }

    @Test
    void nesterovWithDampeningIsRejected() {
        assertThatThrownBy(() -> Alias.sgd(SgdOptions.defaults().lr(0.1).momentum(0.9).dampening(0.1).nesterov(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nesterov").hasMessageContaining("dampening");
        assertThatThrownBy(() -> Alias.sgd(SgdOptions.defaults().lr(0.1).nesterov(true)))
                .hasMessageContaining("momentum > 0");
        assertThatThrownBy(() -> Alias.rmsprop(RmsPropOptions.defaults().nesterov(true))).hasMessageContaining("nesterov");
    }

    @Test
    void otherRangesAreChecked() {
        assertThatThrownBy(() -> Alias.sgd(SgdOptions.defaults().lr(0.1).momentum(-0.5))).hasMessageContaining("momentum");
        assertThatThrownBy(() -> Alias.sgd(SgdOptions.defaults().lr(0.1).weightDecay(-1))).hasMessageContaining("weight_decay");
        assertThatThrownBy(() -> Alias.adadelta(AdadeltaOptions.defaults().rho(1.5))).hasMessageContaining("rho");
        assertThatThrownBy(() -> Alias.rmsprop(RmsPropOptions.defaults().alpha(-0.1))).hasMessageContaining("alpha");
        assertThatThrownBy(() -> Alias.rmsprop(RmsPropOptions.defaults().initialScale(-0.1))).hasMessageContaining("initial_scale");
        assertThatThrownBy(() -> Alias.adagrad(AdagradOptions.defaults().lrDecay(-0.1))).hasMessageContaining("lr_decay");
        assertThatThrownBy(() -> Alias.adagrad(AdagradOptions.defaults().initialAccumulatorValue(-0.1)))
                .hasMessageContaining("initial_accumulator_value");
    }

    @Test
    void maskWithNullEntryIsRejected() {
        List<Boolean> mask = new java.util.ArrayList<>(java.util.Arrays.asList(true, null));
        assertThatThrownBy(() -> Alias.adamw(AdamWOptions.defaults().mask(mask))).hasMessageContaining("mask");
    }

    @Test
    void defaultsAreTorchOpts() {
        assertThat(AdamOptions.defaults().lr()).isEqualTo(LearningRate.of(1e-3));
        assertThat(AdamOptions.defaults().betas()).isEqualTo(new Betas(0.9, 0.999));
        assertThat(AdamOptions.defaults().eps()).isEqualTo(1e-8);
        assertThat(AdamWOptions.defaults().weightDecay()).isEqualTo(1e-2);
        assertThat(AdamaxOptions.defaults().eps()).isEqualTo(1e-6);
        assertThat(RAdamOptions.defaults().eps()).isEqualTo(1e-6);
        assertThat(AdagradOptions.defaults().lr()).isEqualTo(LearningRate.of(1e-2));
        assertThat(AdagradOptions.defaults().eps()).isEqualTo(1e-10);
        assertThat(RmsPropOptions.defaults().alpha()).isEqualTo(0.99);
        assertThat(AdadeltaOptions.defaults().rho()).isEqualTo(0.9);
        assertThat(SgdOptions.defaults().lr()).isNull();
    }

    @Test
    void withersChangeOnlyTheirField() {
        AdamOptions o = AdamOptions.defaults().lr(0.05).betas(0.8, 0.95).eps(1e-6).maximize(true);
        assertThat(o).isEqualTo(new AdamOptions(LearningRate.of(0.05), new Betas(0.8, 0.95), 1e-6, 0.0, 0.0, true, false, false));
    }
}
