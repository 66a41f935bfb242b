package dev.metagrad.examples.maml;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SineTaskSamplerTest {
    @Test
    void tasksFollowTheDistributionAndTheirTargetsAreTheSinusoid() {
        List<SineTask> tasks = new SineTaskSampler(new Generator(7), 10, 5, DType.FLOAT64).batch(4000);
        double ampSum = 0;
        double phaseSum = 0;
        double xSum = 0;
        int xCount = 0;
        for (SineTask t : tasks) {
            assertThat(t.amplitude()).isBetween(0.1, 5.0);
            assertThat(t.phase()).isBetween(0.0, Math.PI);
            assertThat(t.supportX().shape()).containsExactly(10, 1);
            assertThat(t.queryX().shape()).containsExactly(5, 1);
            double[] x = t.supportX().toDoubleArray();
            double[] y = t.supportY().toDoubleArray();
            for (int i = 0; i < x.length; i++) {
                assertThat(x[i]).isBetween(-5.0, 5.0);
                assertThat(y[i]).isEqualTo(t.truth(x[i]));
                xSum += x[i];
                xCount++;
            }
            ampSum += t.amplitude();
            phaseSum += t.phase();
        }
        // means of the uniform laws, within about 5 standard errors
        assertThat(ampSum / tasks.size()).isCloseTo(2.55, within(0.12));
        assertThat(phaseSum / tasks.size()).isCloseTo(Math.PI / 2, within(0.08));
        assertThat(xSum / xCount).isCloseTo(0.0, within(0.05));
    }

    @Test
    void theSameSeedGivesTheSameTasksAndAnotherSeedOthers() {
        List<SineTask> a = new SineTaskSampler(new Generator(3), 4, 4, DType.FLOAT64).batch(3);
        List<SineTask> b = new SineTaskSampler(new Generator(3), 4, 4, DType.FLOAT64).batch(3);
        List<SineTask> c = new SineTaskSampler(new Generator(4), 4, 4, DType.FLOAT64).batch(3);
        for (int t = 0; t < 3; t++) {
            assertThat(a.get(t).queryY().toDoubleArray()).containsExactly(b.get(t).queryY().toDoubleArray());
            assertThat(a.get(t).amplitude()).isEqualTo(b.get(t).amplitude());
            assertThat(a.get(t).amplitude()).isNotEqualTo(c.get(t).amplitude());
        }
    }

    @Test
    void float32TasksHaveThatDtype() {
        SineTask t = new SineTaskSampler(new Generator(0), 2, 2, DType.FLOAT32).batch(1).get(0);
        assertThat(t.supportX().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(t.queryY().dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void badSizesAreRejected() {
        assertThatThrownBy(() -> new SineTaskSampler(new Generator(0), 0, 2, DType.FLOAT64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("support");
        assertThatThrownBy(() -> new SineTaskSampler(new Generator(0), 2, 2, DType.FLOAT64).batch(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task");
    }
}
