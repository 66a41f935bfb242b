package dev.metagrad.autograd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeneratorTest {
    @Test
    void nextLongIsTheSplitMix64Stream() {
        // the published SplitMix64 outputs for seed 0
        Generator g = new Generator(0);
        assertThat(g.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(g.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(g.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void nextDoubleUsesTheTop53Bits() {
        // SplitMix64(42) first output 0xBDD732262FEB6E95, >>> 11, times 2^-53
        assertThat(new Generator(42).nextDouble()).isEqualTo(0.7415648787718233);
    }

    @Test
    void sameSeedGivesTheSameSequenceAndOtherSeedsDiffer() {
        Generator a = new Generator(7);
        Generator b = new Generator(7);
        Generator c = new Generator(8);
        boolean anyDifferent = false;
        for (int i = 0; i < 100; i++) {
            double x = a.nextGaussian();
            assertThat(b.nextGaussian()).isEqualTo(x);
            anyDifferent |= c.nextGaussian() != x;
        }
        assertThat(anyDifferent).isTrue();
    }

    @Test
    void nextDoubleIsUniformOnTheUnitInterval() {
        Generator g = new Generator(1);
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double v = g.nextDouble();
            assertThat(v).isGreaterThanOrEqualTo(0).isLessThan(1);
            sum += v;
        }
        assertThat(sum / n).isCloseTo(0.5, within(0.01));
    }

    @Test
    void nextIntStaysInRangeAndHitsEveryValue() {
        Generator g = new Generator(3);
        boolean[] hit = new boolean[7];
        for (int i = 0; i < 1000; i++) {
            int v = g.nextInt(7);
            assertThat(v).isBetween(0, 6);
            hit[v] = true;
        }
        assertThat(hit).containsOnly(true);
    }

    @Test
    void nextIntRejectsANonPositiveBound() {
        assertThatThrownBy(() -> new Generator(0).nextInt(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("nextInt", "bound", "0");
    }

    @Test
    void nextGaussianHasMeanZeroAndUnitVariance() {
        Generator g = new Generator(5);
        int n = 100_000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double v = g.nextGaussian();
            sum += v;
            sq += v * v;
        }
        double mean = sum / n;
        assertThat(mean).isCloseTo(0, within(0.02));
        assertThat(sq / n - mean * mean).isCloseTo(1, within(0.03));
    }

    @Test
    void splitIsReproducibleAndIndependentOfTheParent() {
        Generator parent1 = new Generator(11);
        Generator parent2 = new Generator(11);
        Generator child1 = parent1.split();
        Generator child2 = parent2.split();
        long c = child1.nextLong();
        assertThat(child2.nextLong()).isEqualTo(c);
        assertThat(parent1.nextLong()).isNotEqualTo(c);
    }
}
