package dev.metagrad.optim;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SchedulesTest {
    @Test
    void linearScheduleInterpolatesAfterTheBeginAndHoldsTheEnd() {
        Schedule s = Schedules.linearSchedule(1.0, 0.0, 4, 2);
        assertThat(s.at(0)).isEqualTo(1.0);
        assertThat(s.at(2)).isEqualTo(1.0);
        assertThat(s.at(3)).isEqualTo(0.75);
        assertThat(s.at(6)).isEqualTo(0.0);
        assertThat(s.at(100)).isEqualTo(0.0);
    }

    @Test
    void polynomialScheduleUsesThePower() {
        Schedule s = Schedules.polynomialSchedule(1.0, 0.1, 2.0, 10);
        assertThat(s.at(5)).isCloseTo(0.9 * 0.25 + 0.1, within(1e-15));
    }

    @Test
    void nonPositiveTransitionStepsGiveAConstant() {
        assertThat(Schedules.polynomialSchedule(0.7, 0.1, 1.5, -3, 2).at(10)).isEqualTo(0.7);
        assertThat(Schedules.linearSchedule(0.3, 0.0, 0).at(5)).isEqualTo(0.3);
    }

    @Test
    void negativeBeginCountsFromZero() {
        assertThat(Schedules.linearSchedule(1.0, 0.0, 4, -5).at(1)).isEqualTo(0.75);
    }

    @Test
    void zeroPowerTakesZeroToTheZeroAsOne() {
        Schedule s = Schedules.polynomialSchedule(1.0, 0.5, 0.0, 3);
        assertThat(s.at(0)).isEqualTo(1.0);
        assertThat(s.at(3)).isEqualTo(1.0); // frac = 0, 0^0 = 1
    }

    @Test
    void cosineDecayFallsToAlphaTimesInit() {
        Schedule s = Schedules.cosineDecay(2.0, 10, 0.1, 1.0);
        assertThat(s.at(0)).isEqualTo(2.0);
        assertThat(s.at(5)).isCloseTo(2.0 * (0.9 * 0.5 + 0.1), within(1e-15));
        assertThat(s.at(20)).isCloseTo(0.2, within(1e-15));
        assertThatThrownBy(() -> Schedules.cosineDecay(1.0, 0)).hasMessageContaining("decay_steps");
    }

    @Test
    void warmupCosineDecayWarmsUpThenDecaysToTheEndValue() {
        Schedule s = Schedules.warmupCosineDecay(0.0, 1.0, 4, 14, 0.1);
        assertThat(s.at(2)).isEqualTo(0.5);
        assertThat(s.at(4)).isEqualTo(1.0);
        assertThat(s.at(14)).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void piecewiseConstantScalesAfterEachBoundary() {
        Schedule s = Schedules.piecewiseConstant(1.0, Map.of(3L, 0.5, 6L, 0.1));
        assertThat(s.at(3)).isEqualTo(1.0);
        assertThat(s.at(4)).isEqualTo(0.5);
        assertThat(s.at(7)).isCloseTo(0.05, within(1e-16));
    }

    @Test
    void exponentialDecayWithStaircaseAndBound() {
        assertThat(Schedules.exponentialDecay(1.0, 2, 0.5).at(1)).isCloseTo(Math.sqrt(0.5), within(1e-15));
        Schedule s = Schedules.exponentialDecay(1.0, 2, 0.5, 1, true, 0.2);
        assertThat(s.at(1)).isEqualTo(1.0);
        assertThat(s.at(4)).isEqualTo(0.5);
        assertThat(s.at(100)).isEqualTo(0.2);
    }
}
