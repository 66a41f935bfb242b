package dev.metagrad.examples.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SplitMix64Test {
    @Test
    void matchesTheReferenceSequence() {
        // the first outputs of splitmix64.c (Vigna) from seed 0
        SplitMix64 g = new SplitMix64(0);
        assertThat(g.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(g.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(g.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void uniformDrawsTheTop53BitsIntoMinusOneToOne() {
        // seed 42 as printed by benchmarks/python/implicit_ridge_torch.py's SplitMix64.uniform(3)
        assertThat(new SplitMix64(42).uniform(3)).containsExactly(0.4831297575436466, -0.6801792142461598,
                -0.4427977394897227);
        SplitMix64 g = new SplitMix64(7);
        for (int i = 0; i < 1000; i++) {
            double u = g.nextDouble();
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
    }
}
