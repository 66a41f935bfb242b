package dev.metagrad.examples.imaml;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.maml.Adaptation;
import dev.metagrad.examples.maml.InnerLoop;
import dev.metagrad.examples.maml.MetaGradient;
import dev.metagrad.examples.maml.SineModel;
import dev.metagrad.examples.maml.SineTask;
import dev.metagrad.examples.maml.SineTaskSampler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImamlLearnerTest {
    private static final ImamlConfig CONFIG = new ImamlConfig(5, 0.05, 1.0, 5);
    private static final List<SineTask> BATCH = new SineTaskSampler(new Generator(9), 10, 10, DType.FLOAT64).batch(3);

    private static List<Tensor> theta() {
        return SineModel.init(new Generator(2), DType.FLOAT64, 1, 8, 8, 1);
    }

    @Test
    void theMetaGradientIsTheMeanOfThePerTaskImplicitGradients() {
        ImamlLearner learner = new ImamlLearner(CONFIG);
        MetaGradient g = learner.metaGradient(theta(), BATCH);
        double lossSum = 0;
        List<double[]> sum = new ArrayList<>();
        for (SineTask task : BATCH) {
            List<Tensor> leaves = new ArrayList<>();
            for (Tensor t : theta()) {
                leaves.add(t.detach().requiresGrad(true));
            }
            Adaptation a = new ProximalAdaptation(CONFIG).adapt(leaves, task);
            Tensor lq = InnerLoop.loss(a.adapted(), task.queryX(), task.queryY());
            lossSum += lq.item();
            Tensor[] gt = Autograd.grad(lq, leaves.toArray(new Tensor[0]));
            for (int i = 0; i < gt.length; i++) {
                double[] v = gt[i].toDoubleArray();
                if (sum.size() <= i) {
                    sum.add(v);
                } else {
                    for (int k = 0; k < v.length; k++) {
                        sum.get(i)[k] += v[k];
                    }
                }
            }
        }
        assertThat(g.metaLoss()).isCloseTo(lossSum / 3, within(1e-14));
        assertThat(g.tasks()).hasSize(3);
        for (int i = 0; i < sum.size(); i++) {
            double[] mean = sum.get(i).clone();
            for (int k = 0; k < mean.length; k++) {
                mean[k] /= 3;
            }
            assertThat(g.grads().get(i).toDoubleArray()).containsExactly(mean, within(1e-14));
        }
    }

    @Test
    void adaptationLowersTheQueryLossOfHeldOutTasks() {
        List<SineTask> tasks = new SineTaskSampler(new Generator(11), 10, 10, DType.FLOAT64).batch(20);
        double[] ba = new ImamlLearner(new ImamlConfig(10, 0.05, 0.5, 5)).evaluate(theta(), tasks);
        assertThat(ba[1]).isLessThan(ba[0]);
        assertThat(ba[0]).isPositive();
    }

    @Test
    void anEmptyBatchIsRejected() {
        assertThatThrownBy(() -> new ImamlLearner(CONFIG).metaGradient(theta(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty meta-batch");
    }
}
